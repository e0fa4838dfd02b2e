package uk.gov.inspectorates.portal.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's address as recorded: never what an untrusted client claims, whatever its headers hold. */
class ClientAddressesTest {

    private final ClientAddresses noProxy = ClientAddresses.trustingNoProxy();
    private final ClientAddresses behindProxies = ClientAddresses.trusting("10.0.0.0/8, 192.168.1.5 fd00::/8");

    @Test
    void withoutTrustedProxiesTheSocketsPeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.7", noProxy.clientOf("203.0.113.7", List.of("198.51.100.1")));
        assertEquals("10.1.2.3", noProxy.clientOf("10.1.2.3", List.of("198.51.100.1")));
    }

    @Test
    void anUntrustedPeerCannotSpoofItsAddress() {
        assertEquals("203.0.113.7", behindProxies.clientOf("203.0.113.7", List.of("198.51.100.1, 10.0.0.1")));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedAddressFromTheRightIsTheClient() {
        assertEquals("198.51.100.1", behindProxies.clientOf("10.0.0.2", List.of("198.51.100.1")));
        // the client wrote a fake left part; the proxies appended the real address and their own
        assertEquals("198.51.100.1", behindProxies.clientOf("10.0.0.2",
                List.of("1.1.1.1, 198.51.100.1, 192.168.1.5")));
        // several headers are one list, in order
        assertEquals("198.51.100.1", behindProxies.clientOf("10.0.0.2", List.of("6.6.6.6", "198.51.100.1",
                "10.9.9.9")));
    }

    @Test
    void aMalformedHopStopsTheWalkAtTheLastAddressKnown() {
        assertEquals("10.0.0.9", behindProxies.clientOf("10.0.0.2", List.of("198.51.100.1, bogus, 10.0.0.9")));
        assertEquals("10.0.0.2", behindProxies.clientOf("10.0.0.2", List.of("<script>")));
        assertEquals("10.0.0.2", behindProxies.clientOf("10.0.0.2", List.of("")));
        assertEquals("10.0.0.2", behindProxies.clientOf("10.0.0.2", List.of("999.1.1.1")));
        assertEquals("10.0.0.2", behindProxies.clientOf("10.0.0.2", List.of("example.org")));
        assertEquals("10.0.0.2", behindProxies.clientOf("10.0.0.2", Collections.singletonList(null)));
    }

    @Test
    void anEndlessHeaderIsReadNoFurtherThanAnyRealChainOfProxies() {
        String many = String.join(",", Collections.nCopies(10_000, "10.0.0.1"));
        String client = behindProxies.clientOf("10.0.0.2", List.of("198.51.100.1," + many));
        assertEquals("10.0.0.1", client, "stopped within " + ClientAddresses.MAX_HOPS + " hops");
    }

    @Test
    void portsAndIpv6AreUnderstood() {
        assertEquals("198.51.100.1", behindProxies.clientOf("10.0.0.2", List.of("198.51.100.1:50123")));
        assertEquals("2001:db8:0:0:0:0:0:1", behindProxies.clientOf("fd00::1", List.of("[2001:db8::1]:443")));
        assertEquals("2001:db8:0:0:0:0:0:1", behindProxies.clientOf("10.0.0.2", List.of("2001:db8::1")));
    }

    @Test
    void aPeerThatIsNotAnAddressIsRecordedCleaned() {
        assertNull(noProxy.clientOf(null, List.of()));
        assertEquals("localhost", noProxy.clientOf("local\nhost", List.of()));
    }

    @Test
    void aSettingThatIsNeitherAnAddressNorARangeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting("proxy.example.org"));
        assertEquals("198.51.100.1", ClientAddresses.trusting("").clientOf("198.51.100.1", List.of("1.2.3.4")));
    }

    @Test
    void aUserAgentIsRecordedWithoutControlCharactersAndShortened() {
        assertEquals("Mozilla/5.0 fake: admin", RequestOrigin.userAgent("Mozilla/5.0\r\n fake: admin"));
        assertEquals(RequestOrigin.USER_AGENT_LENGTH, RequestOrigin.userAgent("x".repeat(10_000)).length());
        assertNull(RequestOrigin.userAgent(null));
        assertNull(RequestOrigin.userAgent("\u0000\u0001"));
        assertTrue(RequestOrigin.userAgent("a\u202Eb").equals("ab"));
    }
}
