package uk.gov.inspectorates.portal.web.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address as the portal can vouch for it (docs/adr/0034). Without trusted proxies it is the socket's
 * peer, whatever the request's headers say. Behind trusted proxies (addresses or CIDR ranges, the setting
 * {@code portal.trusted-proxies}), X-Forwarded-For is read from the right, each trusted hop skipped: the first
 * address that is not a trusted proxy is the client. An entry that is not an address (or a list too long) stops the
 * walk at the last address known: a client can put anything it likes at the left of the header, never make the
 * portal record something that a trusted proxy did not append. Only literal addresses are parsed: never a DNS
 * lookup.
 */
public final class ClientAddresses {

    /** More hops than any real chain of proxies: the rest of a longer header is not read. */
    static final int MAX_HOPS = 16;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Range> trusted;

    private ClientAddresses(List<Range> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** No proxies trusted: the socket's peer is the client. */
    public static ClientAddresses trustingNoProxy() {
        return new ClientAddresses(List.of());
    }

    /**
     * The proxies as configured: addresses or CIDR ranges separated by commas or spaces.
     *
     * @throws IllegalArgumentException naming an entry that is neither (a mistake the operator must hear of)
     */
    public static ClientAddresses trusting(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    ranges.add(Range.parse(entry.strip()).orElseThrow(() -> new IllegalArgumentException(
                            "portal.trusted-proxies: not an address or CIDR range: " + entry.strip())));
                }
            }
        }
        return new ClientAddresses(ranges);
    }

    /**
     * The client's address.
     *
     * @param peer          the socket's remote address
     * @param forwardedFor  every X-Forwarded-For header's value, in order (none: an empty list)
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? null : clean(peer);
        }
        InetAddress client = peerAddress.get();
        if (!isTrusted(client)) {
            return client.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor == null ? List.<String>of() : forwardedFor) {
            if (header != null) {
                Collections.addAll(hops, header.split(",", -1));
            }
        }
        int walked = 0;
        for (int i = hops.size() - 1; i >= 0 && walked < MAX_HOPS; i--, walked++) {
            Optional<InetAddress> hop = literal(withoutPort(hops.get(i).strip()));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** "1.2.3.4:5678" and "[::1]:443" as proxies sometimes write them: the address alone. */
    static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** A literal IPv4 or IPv6 address, parsed without any name lookup; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            var v4 = IPV4.matcher(text);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(v4.group(i + 1));
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
                // a string with ':' is only ever parsed as an IPv6 literal, never looked up
                return Optional.of(InetAddress.getByName(text));
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String clean(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "");
        return printable.length() > 64 ? printable.substring(0, 64) : printable;
    }

    /** One trusted address or CIDR range. */
    record Range(byte[] network, int prefix) {

        static Optional<Range> parse(String entry) {
            int slash = entry.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = entry.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(length);
            }
            return Optional.of(new Range(bytes, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s/%d", java.util.Arrays.toString(network), prefix);
        }
    }
}
