package uk.gov.inspectorates.portal.core.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * How many events there were about one report or one inspection, per period, actor's organisation, action and
 * outcome, within a reader's scope (a persistence port: counted where the events are, never read one by one). What a
 * SIRO's chart of access over time is drawn from.
 */
@PersistencePort
public interface AuditActivity {

    /** UK time: a SIRO's day starts at midnight in London, whatever the server's zone. */
    ZoneId UK = ZoneId.of("Europe/London");

    /**
     * The counts about {@code about} from {@code from} (inclusive, null: the first event) to {@code to} (exclusive,
     * null: now), per {@code period}, with only the events {@code scope} covers; oldest period first.
     */
    List<Count> counts(About about, Period period, Instant from, Instant to, AuditScope scope);

    /** Exactly one of a report or an inspection. */
    record About(String reportId, String inspectionId) {
        public About {
            if ((reportId == null) == (inspectionId == null)) {
                throw new IllegalArgumentException("a report or an inspection, not both nor neither");
            }
        }

        public static About report(String id) {
            return new About(Objects.requireNonNull(id, "id"), null);
        }

        public static About inspection(String id) {
            return new About(null, Objects.requireNonNull(id, "id"));
        }
    }

    /** The length of one bar of the chart; periods start on the hour or at midnight, UK time. */
    enum Period {
        HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Period(ChronoUnit unit) {
            this.unit = unit;
        }

        /** The start of the period the instant falls in. */
        public Instant start(Instant at) {
            return ZonedDateTime.ofInstant(at, UK).truncatedTo(unit).toInstant();
        }

        /** The start of the next period (a UK day may be 23 or 25 hours long). */
        public Instant next(Instant start) {
            return ZonedDateTime.ofInstant(start, UK).plus(1, unit).toInstant();
        }

        public Duration nominalLength() {
            return unit.getDuration();
        }
    }

    /** {@code events} events in the period starting {@code start} by people of one organisation (null: unknown). */
    record Count(Instant start, String organisationId, String action, AuditEvent.Outcome outcome, long events) {
        public Count {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
        }

        public boolean refused() {
            return outcome != AuditEvent.Outcome.SUCCEEDED;
        }
    }
}
