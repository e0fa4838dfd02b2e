package uk.gov.inspectorates.portal.deploy.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.account.Base32;
import uk.gov.inspectorates.portal.core.account.Totp;
import uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings;

/**
 * Security codes of the demo secret, each step used once per user (the portal refuses a replayed code); also the load
 * test's (the load profile compiles these sources too).
 */
public final class DemoCode {

    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private DemoCode() {
    }

    public static synchronized String next(String username) {
        byte[] secret = Base32.decode(System.getProperty("portal.demo.totp-secret",
                EmbeddedPortalSettings.DEMO_TOTP_SECRET));
        while (true) {
            Instant now = Instant.now();
            long current = Totp.timeStep(now);
            long lowest = now.getEpochSecond() % Totp.STEP_SECONDS >= Totp.STEP_SECONDS - 5 ? current : current - 1;
            long step = Math.max(lowest, LAST_STEP.getOrDefault(username, Long.MIN_VALUE) + 1);
            if (step <= current + 1) {
                LAST_STEP.put(username, step);
                return new Totp().hotp(secret, step);
            }
            try {
                Thread.sleep((current + 1) * Totp.STEP_SECONDS * 1000L - now.toEpochMilli() + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
