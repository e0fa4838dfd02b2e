package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * The timeline of a joint targeted area inspection in working days from notification (day 0), as the JTAI
 * framework's timeline table sets it out, with the statement of proposed action (70 working days after the
 * findings letter) and the window for challenges (10 working days after publication). Times of day are UK local
 * time ({@link WorkingDayCalendar#UK}); "end of the day" is 23:59:59, "midday" and "lunchtime" 12:00,
 * "mid-afternoon" 15:00.
 *
 * <p>The timeline says when things are due, not whether they were done: {@link #overdue} lists the milestones
 * whose deadline has passed, for the caller to set against what has been delivered.
 */
public final class JtaiTimeline {

    public static final int FINDINGS_LETTER_DAY = 41;
    public static final int PUBLICATION_DAY = 43;
    public static final int STATEMENT_OF_PROPOSED_ACTION_WORKING_DAYS = 70;
    public static final int CHALLENGE_WORKING_DAYS = 10;

    private static final LocalTime MIDDAY = LocalTime.NOON;
    private static final LocalTime MID_AFTERNOON = LocalTime.of(15, 0);
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    private final LocalDate notifiedOn;
    private final WorkingDayCalendar calendar;
    private final List<Milestone> milestones;

    private JtaiTimeline(LocalDate notifiedOn, WorkingDayCalendar calendar) {
        this.notifiedOn = notifiedOn;
        this.calendar = calendar;
        this.milestones = plan().stream().sorted(Comparator.comparing(Milestone::deadline)).toList();
    }

    /**
     * The timeline of an inspection notified on the given working day.
     *
     * @throws InvalidInput when the notification date is not a working day (day 0 is a working day)
     * @throws uk.gov.inspectorates.portal.core.calendar.DateBeyondCalendar when the timeline runs past the dates
     *         the bank holiday list covers
     */
    public static JtaiTimeline from(LocalDate notifiedOn, WorkingDayCalendar calendar) {
        Objects.requireNonNull(notifiedOn);
        Objects.requireNonNull(calendar);
        if (!calendar.isWorkingDay(notifiedOn)) {
            throw InvalidInput.of("notifiedOn", notifiedOn + " is not a working day: an inspection is notified on"
                    + " a working day (day 0), not at a weekend or on a bank holiday");
        }
        return new JtaiTimeline(notifiedOn, calendar);
    }

    /** 70 working days after the findings letter was sent, by which a statement of proposed action is due. */
    public static LocalDate statementOfProposedActionDue(LocalDate findingsLetterSent, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(findingsLetterSent, STATEMENT_OF_PROPOSED_ACTION_WORKING_DAYS);
    }

    /** The last day to raise a challenge or complaint: 10 working days after publication (Annex D). */
    public static LocalDate challengesClose(LocalDate published, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(published, CHALLENGE_WORKING_DAYS);
    }

    private List<Milestone> plan() {
        List<Milestone> plan = new ArrayList<>();
        plan.add(at("children-list", "List of children in the deep-dive theme sent to the lead inspector", 0, null));
        plan.add(at("twenty-selected", "20 children selected by the lead inspector", 1, MIDDAY));
        plan.add(at("twenty-details", "Further information on the 20 selected children", 2, MID_AFTERNOON));
        plan.add(at("children-for-evaluation", "5 to 7 children chosen for joint evaluation", 2, FIVE_PM));
        plan.add(on("key-documents", "Remaining Annex A information and key case documents", 5));
        plan.add(at("joint-evaluations", "Joint evaluations of the children's experiences", 7, null));
        plan.add(on("consent-confirmations", "Written confirmation of consent to speak with inspectors", 8));
        plan.add(on("on-site-begins", "Inspection team on site (days 9 to 13)", 9));
        plan.add(on("on-site-ends", "Feedback meeting; last day on site", 13));
        plan.add(at("draft-letter", "Draft findings letter agreed", 16, MIDDAY));
        plan.add(at("factual-accuracy-opens", "Draft letter sent for the factual accuracy check", 24, MIDDAY));
        plan.add(at("factual-accuracy-closes", "Factual accuracy comments due from the partnership", 33, null));
        plan.add(on("findings-letter", "Pre-publication findings letter sent", FINDINGS_LETTER_DAY));
        plan.add(on("publication", "Letter of inspection findings published", PUBLICATION_DAY));
        plan.add(at("statement-of-proposed-action", "Statement of proposed action due (where required)",
                FINDINGS_LETTER_DAY + STATEMENT_OF_PROPOSED_ACTION_WORKING_DAYS, null));
        plan.add(at("challenges-close", "Last day for challenges and complaints",
                PUBLICATION_DAY + CHALLENGE_WORKING_DAYS, null));
        return plan;
    }

    /** A milestone with a time of day; {@code null} time means "by the end of the day". */
    private Milestone at(String key, String title, int workingDay, LocalTime time) {
        LocalDate date = dateOf(workingDay);
        Instant dueAt = time == null ? Milestone.endOfDay(date)
                : date.atTime(time).atZone(WorkingDayCalendar.UK).toInstant();
        return new Milestone(key, title, workingDay, date, dueAt);
    }

    /** A milestone for which the framework names the day but no time. */
    private Milestone on(String key, String title, int workingDay) {
        return new Milestone(key, title, workingDay, dateOf(workingDay), null);
    }

    public LocalDate notifiedOn() {
        return notifiedOn;
    }

    /** Every milestone in the order they fall due. */
    public List<Milestone> milestones() {
        return milestones;
    }

    public Optional<Milestone> milestone(String key) {
        return milestones.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** The first milestone whose deadline has not yet passed; empty once all have. */
    public Optional<Milestone> next(Instant now) {
        return milestones.stream().filter(m -> !m.hasPassed(now)).findFirst();
    }

    /** The milestones whose deadline has passed, in the order they fell due. */
    public List<Milestone> overdue(Instant now) {
        return milestones.stream().filter(m -> m.hasPassed(now)).toList();
    }

    /** The date of the given working day of this inspection. */
    public LocalDate dateOf(int workingDay) {
        return calendar.plusWorkingDays(notifiedOn, workingDay);
    }

    /** 23:59:59 UK local time on the given working day, e.g. as the default due time of an information request. */
    public Instant dueAtEndOfDay(int workingDay) {
        return Milestone.endOfDay(dateOf(workingDay));
    }

    /** Which working day of the inspection a date is (0 on the notification day; days off count as the last). */
    public int workingDayOn(LocalDate date) {
        return calendar.workingDaysBetween(notifiedOn, date);
    }
}
