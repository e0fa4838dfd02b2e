package uk.gov.inspectorates.portal.deploy.it;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.account.Base32;
import uk.gov.inspectorates.portal.core.account.Totp;

/**
 * Security codes for test sign-ins. The portal accepts each code step once per account (replay check), and the
 * tests sign the same demo user in many times a minute: this remembers the last step used per account in this JVM
 * and hands out the next one still inside the portal's window (one step either side of now), waiting for the clock
 * only when all of those are used up.
 */
final class TotpCodes {

    private static final Totp TOTP = new Totp();
    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private TotpCodes() {
    }

    /** A fresh code of the demo secret for a demo user. */
    static String demo(String username) {
        return next(username, demoSecret());
    }

    static byte[] demoSecret() {
        return Base32.decode(TestEnvironment.demoTotpSecret());
    }

    static synchronized String next(String account, byte[] secret) {
        while (true) {
            Instant now = Instant.now();
            long current = Totp.timeStep(now);
            long secondsIntoStep = now.getEpochSecond() % Totp.STEP_SECONDS;
            // near the end of a step the portal may already be in the next one, where current - 1 is too old
            long lowest = secondsIntoStep >= Totp.STEP_SECONDS - 5 ? current : current - Totp.SKEW_STEPS;
            long step = Math.max(lowest, LAST_STEP.getOrDefault(account, Long.MIN_VALUE) + 1);
            if (step <= current + Totp.SKEW_STEPS) {
                LAST_STEP.put(account, step);
                return TOTP.hotp(secret, step);
            }
            sleepMillis((current + 1) * Totp.STEP_SECONDS * 1000L - now.toEpochMilli() + 50);
        }
    }

    /**
     * Gives back the code last handed out for the account when the portal did not accept it (a sign-in refused for
     * its password, say): the portal only records a step on success.
     */
    static synchronized void unused(String account, byte[] secret, String code) {
        Long last = LAST_STEP.get(account);
        if (last != null && TOTP.hotp(secret, last).equals(code)) {
            LAST_STEP.put(account, last - 1);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
