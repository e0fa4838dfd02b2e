package uk.gov.inspectorates.portal.storage.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backup tools connect to PostgreSQL with the portal's TLS settings, not libpq's unchecked default. */
class PostgresDumpTlsTest {

    @Test
    void theUrlsTlsSettingsBecomeLibpqsEnvironment() {
        assertEquals(Map.of("PGSSLMODE", "verify-full", "PGSSLROOTCERT", "/etc/portal/db-ca/ca.crt",
                        "PGSSLCERT", "/etc/portal/db/client.crt", "PGSSLKEY", "/etc/portal/db/client.key"),
                PostgresDump.tlsEnvironment("jdbc:postgresql://db.portal:5432/portal?sslmode=verify-full"
                        + "&sslrootcert=/etc/portal/db-ca/ca.crt&sslcert=/etc/portal/db/client.crt"
                        + "&sslkey=/etc/portal/db/client.key&currentSchema=portal"));
    }

    @Test
    void sslTrueWithoutAModeIsVerifyFullAsTheDriverReadsIt() {
        assertEquals(Map.of("PGSSLMODE", "verify-full"),
                PostgresDump.tlsEnvironment("jdbc:postgresql://db:5432/portal?ssl=true"));
        assertEquals(Map.of("PGSSLMODE", "require"),
                PostgresDump.tlsEnvironment("jdbc:postgresql://db:5432/portal?ssl=true&sslmode=require"));
        assertEquals(Map.of(), PostgresDump.tlsEnvironment("jdbc:postgresql://db:5432/portal?ssl=false"));
    }

    @Test
    void aUrlWithoutTlsSettingsAddsNothing() {
        assertEquals(Map.of(), PostgresDump.tlsEnvironment("jdbc:postgresql://localhost:5432/portal"));
        assertEquals(Map.of(), PostgresDump.tlsEnvironment("jdbc:postgresql://localhost/portal?currentSchema=x"));
    }

    @Test
    void anEncodedPathIsDecoded() {
        assertEquals(Map.of("PGSSLROOTCERT", "/etc/portal ca/ca.crt"),
                PostgresDump.tlsEnvironment("jdbc:postgresql://h/p?sslrootcert=/etc/portal%20ca/ca.crt"));
    }
}
