package uk.gov.inspectorates.portal.security.saml;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An identity provider's metadata, read from a file or an https URL, read again once the refresh interval has passed;
 * a failed refresh keeps the last good copy (and says so in the log), but there must be a good copy to start with.
 */
final class MetadataSource {

    static final int MAX_METADATA_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(MetadataSource.class.getName());
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final IdpSettings settings;
    private final Clock clock;
    private volatile IdpMetadata current;
    private volatile Instant readAt;

    MetadataSource(IdpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        checkLocation(settings.metadataLocation());
        try {
            this.current = IdpMetadata.parse(fetch());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no usable SAML metadata for " + settings.inspectorate() + " at "
                    + settings.metadataLocation() + ": " + e.getMessage(), e);
        }
        this.readAt = clock.instant();
    }

    IdpMetadata current() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(settings.refreshInterval()))) {
            synchronized (this) {
                if (!now.isBefore(readAt.plus(settings.refreshInterval()))) {
                    refresh(now);
                }
            }
        }
        return current;
    }

    private void refresh(Instant now) {
        try {
            current = IdpMetadata.parse(fetch());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "SAML metadata refresh for {0} failed, keeping the last good copy: {1}",
                    new Object[] {settings.inspectorate(), e.getMessage()});
        }
        readAt = now;
    }

    private byte[] fetch() throws IOException {
        String location = settings.metadataLocation();
        if (!isUrl(location)) {
            Path file = Path.of(location);
            if (Files.size(file) > MAX_METADATA_BYTES) {
                throw new IOException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(FETCH_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("metadata fetch answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_METADATA_BYTES + 1);
                if (bytes.length > MAX_METADATA_BYTES) {
                    throw new IOException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching metadata", e);
        }
    }

    private static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** "localhost" or a loopback IP literal: never a name that DNS could later point elsewhere. */
    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** https, or http to a loopback address only (a test identity provider on this machine). */
    static void checkLocation(String location) {
        if (!isUrl(location)) {
            if (location.contains("://")) {
                throw new IllegalArgumentException("metadata location must be a file path or an https URL: " + location);
            }
            return;
        }
        URI uri = URI.create(location);
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return;
        }
        if (isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException("metadata must be fetched over https (http only on loopback): " + location);
    }
}
