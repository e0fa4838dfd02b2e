package uk.gov.inspectorates.portal.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.web.notification.JakartaMailRelay;

/** Production sends real e-mail over TLS to links at its public address, or does not start. */
class NotificationSettingsTest {

    private static NotificationSettings settings(String environment, String publicUrl, String host, String tls) {
        PortalConfiguration portal = new PortalConfiguration();
        portal.environment = environment;
        portal.publicUrl = Optional.ofNullable(publicUrl);
        NotificationSettings settings = new NotificationSettings();
        settings.portal = portal;
        settings.smtpHost = Optional.ofNullable(host);
        settings.smtpPort = 587;
        settings.smtpFrom = Optional.of("no-reply@portal.example.gov.uk");
        settings.smtpTls = tls;
        settings.smtpUsername = Optional.empty();
        settings.smtpPassword = Optional.empty();
        settings.smtpTimeoutSeconds = 30;
        return settings;
    }

    @Test
    void productionWithARelayOverTlsAndAPublicAddressStarts() {
        NotificationSettings settings = settings("production", "https://portal.example.gov.uk", "mail.example",
                "starttls");

        settings.checkForProduction();
        assertEquals("https://portal.example.gov.uk", settings.portalAddress());
        assertEquals(JakartaMailRelay.Tls.STARTTLS, settings.smtp().orElseThrow().tls());
    }

    @Test
    void productionWithoutARelayOrWithoutTlsOrWithoutAPublicAddressDoesNotStart() {
        assertThrows(IllegalStateException.class,
                () -> settings("production", "https://portal.example.gov.uk", null, "starttls").checkForProduction());
        assertThrows(IllegalStateException.class,
                () -> settings("production", "https://portal.example.gov.uk", "mail.example", "none")
                        .checkForProduction());
        assertThrows(IllegalStateException.class,
                () -> settings("production", null, "mail.example", "starttls").checkForProduction());
    }

    @Test
    void elsewhereNoticesWithoutARelayAreLoggedAndLinksPointAtTheLocalRun() {
        NotificationSettings settings = settings("local", null, null, "starttls");

        settings.checkForProduction();
        assertTrue(settings.smtp().isEmpty());
        assertEquals("http://localhost:8080", settings.portalAddress());
    }
}
