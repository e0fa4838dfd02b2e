package uk.gov.inspectorates.portal.security.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XML parser attacks in a posted response: a DOCTYPE is refused outright, so external entities are never fetched
 * (a listening server on loopback counts the attempts) and entity expansion (billion laughs) never starts.
 */
class SamlParserAttackTest {

    private final SamlFixture sp = new SamlFixture();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer listener;
    private String listenerUrl;

    @BeforeEach
    void listen() throws Exception {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = "<!ENTITY leaked 'secret'>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        listenerUrl = "http://127.0.0.1:" + listener.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        listener.stop(0);
    }

    @Test
    void anExternalEntityIsNeverResolved() {
        String signed = body(sp.validResponse().xml());
        String xxe = "<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"" + listenerUrl + "/xxe\">]>"
                + signed.replace("jane.inspector@ofsted.test", "&xxe;");

        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(xxe));
        assertEquals(0, fetches.get(), "the parser fetched the external entity");
    }

    @Test
    void anExternalDtdAndParameterEntitiesAreNeverFetched() {
        String signed = body(sp.validResponse().xml());
        String external = "<!DOCTYPE samlp:Response SYSTEM \"" + listenerUrl + "/dtd\">" + signed;
        String parameter = "<!DOCTYPE samlp:Response [<!ENTITY % p SYSTEM \"" + listenerUrl + "/p\"> %p;]>" + signed;

        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(external));
        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(parameter));
        assertEquals(0, fetches.get(), "the parser fetched an external DTD");
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String bomb = doctype + body(sp.validResponse().xml()).replace("jane.inspector@ofsted.test", "&lol10;");

        long started = System.nanoTime();
        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(bomb));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "refused quickly");
    }

    @Test
    void anOversizedMessageIsRefusedBeforeParsing() {
        String padded = sp.validResponse().xml() + " ".repeat(ResponseValidator.MAX_RESPONSE_BYTES);

        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(padded));
    }

    /** The serialised message without its XML declaration, so a DOCTYPE can go in front. */
    private static String body(String xml) {
        return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
    }
}
