package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.inspectorates.portal.core.account.SignInThrottle.Failures;
import uk.gov.inspectorates.portal.core.account.SignInThrottle.Verdict;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;

class SignInThrottleTest {

    private static final Instant START = Instant.parse("2030-01-10T10:00:00Z");

    private final SignInThrottle throttle = new SignInThrottle();
    private final MutableClock clock = new MutableClock(START);

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "5, 0", "6, 1", "7, 2", "8, 4", "9, 8", "10, 16", "11, 32", "12, 60", "13, 60",
            "100, 60", "2147483647, 60"})
    void locksForDoublingMinutesAfterTheFifthFailureUpToAnHour(int failures, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), SignInThrottle.lockoutAfter(failures));
    }

    @Test
    void theFirstFiveFailuresInQuickSuccessionAreNotDelayed() {
        Failures failures = Failures.none();
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertTrue(throttle.check(failures, clock.instant()).allowed(), "attempt " + (i + 1));
            failures = failures.plus(clock.instant());
        }
        assertTrue(throttle.check(failures, clock.instant()).allowed());
    }

    @Test
    void theSixthFailureLocksForAMinuteAndNotASecondLonger() {
        Failures failures = new Failures(6, START);

        assertEquals(Verdict.locked(START.plusSeconds(60)), throttle.check(failures, START));
        assertFalse(throttle.check(failures, START.plusSeconds(59)).allowed());
        assertTrue(throttle.check(failures, START.plusSeconds(60)).allowed());
    }

    @Test
    void eachFurtherFailureDoublesTheLockoutFromTheLatestFailure() {
        Failures failures = new Failures(6, START);
        clock.advance(Duration.ofMinutes(1));
        failures = failures.plus(clock.instant());

        Instant until = clock.instant().plus(Duration.ofMinutes(2));
        assertEquals(Verdict.locked(until), throttle.check(failures, clock.instant()));
        clock.advance(Duration.ofSeconds(119));
        assertFalse(throttle.check(failures, clock.instant()).allowed());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.check(failures, clock.instant()).allowed());
    }

    @Test
    void neverLocksForMoreThanAnHour() {
        Failures failures = new Failures(Integer.MAX_VALUE, START);

        assertEquals(Verdict.locked(START.plus(Duration.ofHours(1))), throttle.check(failures, START));
        assertTrue(throttle.check(failures, START.plus(Duration.ofHours(1))).allowed());
        assertEquals(Integer.MAX_VALUE, failures.plus(START).count());
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        Failures failures = new Failures(9, START);
        assertFalse(throttle.check(failures, START.plusSeconds(1)).allowed());

        failures = Failures.none();

        assertTrue(throttle.check(failures, START.plusSeconds(1)).allowed());
        assertTrue(throttle.check(failures.plus(START), START.plusSeconds(1)).allowed());
    }

    @Test
    void refusesInconsistentState() {
        assertThrows(IllegalArgumentException.class, () -> new Failures(-1, null));
        assertThrows(IllegalArgumentException.class, () -> new Failures(3, null));
        assertThrows(IllegalArgumentException.class, () -> new Failures(0, START));
        assertThrows(IllegalArgumentException.class, () -> SignInThrottle.lockoutAfter(-1));
        assertThrows(NullPointerException.class, () -> throttle.check(6, null, START));
    }
}
