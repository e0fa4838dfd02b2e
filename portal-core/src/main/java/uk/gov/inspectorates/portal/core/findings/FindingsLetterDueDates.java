package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.inspection.JtaiTimeline;

/**
 * The findings letter's due dates from the JTAI timeline (days 16-43): the other inspectorates' sign-off by
 * lunchtime on day 21, the draft to the DCS by midday on day 24, the partnership's comments within ten working days
 * of it (the day it is sent counting as the first: days 24-33), the revised letter agreed by the end of day 37, the
 * pre-publication letter on day 41 and publication on day 43.
 */
public record FindingsLetterDueDates(Instant signOffDue, Instant sendToDcsDue, Instant commentsDue,
                                     Instant agreementDue, LocalDate issueOn, LocalDate publicationOn) {

    public static final int SIGN_OFF_DAY = 21;
    public static final int SEND_TO_DCS_DAY = 24;
    public static final int COMMENTS_DAY = 33;
    public static final int AGREEMENT_DAY = 37;
    /** The DCS's ten working days for the single factual accuracy check. */
    public static final int ACCURACY_CHECK_WORKING_DAYS = 10;

    /** The due dates of an inspection's letter; {@code check} (may be null) gives the comments' actual due time. */
    public static FindingsLetterDueDates of(JtaiTimeline timeline, AccuracyCheck check) {
        return new FindingsLetterDueDates(
                atUk(timeline.dateOf(SIGN_OFF_DAY), LocalTime.NOON),
                atUk(timeline.dateOf(SEND_TO_DCS_DAY), LocalTime.NOON),
                check != null ? check.dueAt() : timeline.dueAtEndOfDay(COMMENTS_DAY),
                timeline.dueAtEndOfDay(AGREEMENT_DAY),
                timeline.dateOf(JtaiTimeline.FINDINGS_LETTER_DAY),
                timeline.dateOf(JtaiTimeline.PUBLICATION_DAY));
    }

    /**
     * The end of the tenth working day of a check sent at {@code sentAt}: the day it is sent is the first when it is a
     * working day, else the next working day is.
     */
    public static Instant commentsDue(Instant sentAt, WorkingDayCalendar calendar) {
        LocalDate sent = sentAt.atZone(WorkingDayCalendar.UK).toLocalDate();
        LocalDate last = calendar.isWorkingDay(sent)
                ? calendar.plusWorkingDays(sent, ACCURACY_CHECK_WORKING_DAYS - 1)
                : calendar.plusWorkingDays(sent, ACCURACY_CHECK_WORKING_DAYS);
        return last.atTime(23, 59, 59).atZone(WorkingDayCalendar.UK).toInstant();
    }

    private static Instant atUk(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(WorkingDayCalendar.UK).toInstant();
    }
}
