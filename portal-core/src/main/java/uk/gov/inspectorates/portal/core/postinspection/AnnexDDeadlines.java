package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.core.inspection.JtaiTimeline;

/**
 * The deadlines after publication, in working days, each at the end of its UK day (23:59:59): the statement of
 * proposed action 70 working days after the findings letter was sent to the local agencies (day 41; JTAI §98 and the
 * timeline: "within 70 working days of the letter being sent to the local agencies"), challenges within 10
 * working days of publication, acknowledged within 5 working days of receipt and answered within 30 (Annex D).
 */
public final class AnnexDDeadlines {

    public static final int ACKNOWLEDGE_WORKING_DAYS = 5;
    public static final int RESPOND_WORKING_DAYS = 30;
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final FindingsPublication publication;
    private final WorkingDayCalendar calendar;

    public AnnexDDeadlines(FindingsPublication publication, WorkingDayCalendar calendar) {
        this.publication = Objects.requireNonNull(publication, "publication");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** When the inspection's findings letter was published, if it has been by {@code now} (not only scheduled). */
    public Optional<Instant> publishedBy(String inspectionId, Instant now) {
        return publication.findingsLetterPublishedAt(inspectionId).filter(at -> !at.isAfter(now));
    }

    /** The statement's due time, once the letter is published: 70 working days from when it was sent (day 41). */
    public Instant statementDue(String inspectionId, Instant published) {
        Instant sent = publication.findingsLetterSentAt(inspectionId).orElse(published);
        return endOf(calendar.plusWorkingDays(ukDate(sent), JtaiTimeline.STATEMENT_OF_PROPOSED_ACTION_WORKING_DAYS));
    }

    /** The end of the last day a challenge or complaint is usually considered. */
    public Instant challengesClose(Instant published) {
        return endOf(JtaiTimeline.challengesClose(ukDate(published), calendar));
    }

    public Instant acknowledgeBy(Instant received) {
        return endOf(calendar.plusWorkingDays(ukDate(received), ACKNOWLEDGE_WORKING_DAYS));
    }

    public Instant respondBy(Instant received) {
        return endOf(calendar.plusWorkingDays(ukDate(received), RESPOND_WORKING_DAYS));
    }

    private static LocalDate ukDate(Instant at) {
        return LocalDate.ofInstant(at, WorkingDayCalendar.UK);
    }

    private static Instant endOf(LocalDate date) {
        return date.atTime(END_OF_DAY).atZone(WorkingDayCalendar.UK).toInstant();
    }
}
