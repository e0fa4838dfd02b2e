package uk.gov.inspectorates.portal.core.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.DateBeyondCalendar;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;

class JtaiTimelineTest {

    private final WorkingDayCalendar calendar = EnglandAndWalesBankHolidays.calendar();

    @Test
    void hasEveryMilestoneOfTheFrameworkInTheOrderTheyFallDue() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 1, 13), calendar);

        assertEquals(List.of("children-list", "twenty-selected", "twenty-details", "children-for-evaluation",
                        "key-documents", "joint-evaluations", "consent-confirmations", "on-site-begins",
                        "on-site-ends", "draft-letter", "factual-accuracy-opens", "factual-accuracy-closes",
                        "findings-letter", "publication", "challenges-close", "statement-of-proposed-action"),
                timeline.milestones().stream().map(Milestone::key).toList());
        assertEquals(List.of(0, 1, 2, 2, 5, 7, 8, 9, 13, 16, 24, 33, 41, 43, 53, 111),
                timeline.milestones().stream().map(Milestone::workingDay).toList());
    }

    @Test
    void givesEachMilestoneTheTimeOfDayTheFrameworkGivesInUkWinterTime() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 1, 13), calendar); // a Tuesday, GMT

        assertDue(timeline, "children-list", "2026-01-13", "2026-01-13T23:59:59Z");
        assertDue(timeline, "twenty-selected", "2026-01-14", "2026-01-14T12:00:00Z");
        assertDue(timeline, "twenty-details", "2026-01-15", "2026-01-15T15:00:00Z");
        assertDue(timeline, "children-for-evaluation", "2026-01-15", "2026-01-15T17:00:00Z");
        assertDue(timeline, "key-documents", "2026-01-20", null);
        assertDue(timeline, "joint-evaluations", "2026-01-22", "2026-01-22T23:59:59Z");
        assertDue(timeline, "consent-confirmations", "2026-01-23", null);
        assertDue(timeline, "on-site-begins", "2026-01-26", null);
        assertDue(timeline, "on-site-ends", "2026-01-30", null);
        assertDue(timeline, "draft-letter", "2026-02-04", "2026-02-04T12:00:00Z");
        assertDue(timeline, "factual-accuracy-opens", "2026-02-16", "2026-02-16T12:00:00Z");
        assertDue(timeline, "factual-accuracy-closes", "2026-02-27", "2026-02-27T23:59:59Z");
        assertDue(timeline, "findings-letter", "2026-03-11", null);
        assertDue(timeline, "publication", "2026-03-13", null);
        assertDue(timeline, "challenges-close", "2026-03-27", "2026-03-27T23:59:59Z");
        assertDue(timeline, "statement-of-proposed-action", "2026-06-23", "2026-06-23T22:59:59Z");
    }

    @Test
    void aDueTimeOfFivePmIsFourPmUtcInBritishSummerTime() {
        JtaiTimeline summer = JtaiTimeline.from(LocalDate.of(2026, 6, 2), calendar);

        assertDue(summer, "children-for-evaluation", "2026-06-04", "2026-06-04T16:00:00Z");
        assertDue(summer, "twenty-selected", "2026-06-03", "2026-06-03T11:00:00Z");
        assertDue(summer, "children-list", "2026-06-02", "2026-06-02T22:59:59Z");
    }

    @Test
    void aTimelineSpanningTheOctoberChangeKeepsLocalTimesOnBothSides() {
        // British Summer Time ends on Sunday 25 October 2026
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 10, 20), calendar);

        assertDue(timeline, "children-list", "2026-10-20", "2026-10-20T22:59:59Z");
        assertDue(timeline, "children-for-evaluation", "2026-10-22", "2026-10-22T16:00:00Z");
        assertDue(timeline, "key-documents", "2026-10-27", null);
        assertDue(timeline, "joint-evaluations", "2026-10-29", "2026-10-29T23:59:59Z");
        assertEquals(Instant.parse("2026-10-23T22:59:59Z"), timeline.dueAtEndOfDay(3));
        assertEquals(Instant.parse("2026-10-26T23:59:59Z"), timeline.dueAtEndOfDay(4));
    }

    @Test
    void aTimelineSpanningTheMarchChangeAndEasterSkipsGoodFridayAndEasterMonday() {
        // British Summer Time begins on Sunday 28 March 2027, Easter Day; Good Friday 26, Easter Monday 29
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2027, 3, 23), calendar);

        assertDue(timeline, "twenty-selected", "2027-03-24", "2027-03-24T12:00:00Z");
        assertDue(timeline, "children-for-evaluation", "2027-03-25", "2027-03-25T17:00:00Z");
        assertEquals(LocalDate.of(2027, 3, 30), timeline.dateOf(3));
        assertDue(timeline, "key-documents", "2027-04-01", null);
        assertDue(timeline, "joint-evaluations", "2027-04-05", "2027-04-05T22:59:59Z");
    }

    @Test
    void aTimelineAcrossChristmasAndNewYearSkipsTheBankHolidaysAndTheirSubstitutes() {
        // 25 December 2026 a Friday, Boxing Day substitute Monday 28, New Year's Day Friday 1 January 2027
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 12, 1), calendar);

        assertDue(timeline, "draft-letter", "2026-12-23", "2026-12-23T12:00:00Z");
        assertEquals(LocalDate.of(2026, 12, 24), timeline.dateOf(17));
        assertEquals(LocalDate.of(2026, 12, 29), timeline.dateOf(18));
        assertEquals(LocalDate.of(2026, 12, 31), timeline.dateOf(20));
        assertEquals(LocalDate.of(2027, 1, 4), timeline.dateOf(21));
        assertDue(timeline, "factual-accuracy-opens", "2027-01-07", "2027-01-07T12:00:00Z");
        assertDue(timeline, "findings-letter", "2027-02-01", null);
        assertDue(timeline, "publication", "2027-02-03", null);
    }

    @Test
    void aTimelineAcrossTheSpringBankHolidaySkipsIt() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2027, 5, 25), calendar);

        assertEquals(LocalDate.of(2027, 5, 28), timeline.dateOf(3));
        assertEquals(LocalDate.of(2027, 6, 1), timeline.dateOf(4));
        assertDue(timeline, "key-documents", "2027-06-02", null);
    }

    @Test
    void nextIsTheFirstMilestoneNotYetPastAndOverdueThoseWhoseDeadlineHasPassed() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 6, 2), calendar);
        Instant day2At4pm = uk("2026-06-04T16:00");

        assertEquals("children-for-evaluation", timeline.next(day2At4pm).orElseThrow().key());
        assertEquals(List.of("children-list", "twenty-selected", "twenty-details"),
                timeline.overdue(day2At4pm).stream().map(Milestone::key).toList());
    }

    @Test
    void aMilestoneIsNotOverdueAtTheVeryInstantItIsDue() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 6, 2), calendar);
        Instant midday = uk("2026-06-03T12:00");

        assertEquals("twenty-selected", timeline.next(midday).orElseThrow().key());
        assertEquals(List.of("children-list"), timeline.overdue(midday).stream().map(Milestone::key).toList());
        assertEquals(List.of("children-list", "twenty-selected"),
                timeline.overdue(midday.plusSeconds(1)).stream().map(Milestone::key).toList());
    }

    @Test
    void aMilestoneWithoutATimeOfDayIsDueUntilTheEndOfItsDay() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 6, 2), calendar);

        assertEquals("key-documents", timeline.next(uk("2026-06-09T23:59:59")).orElseThrow().key());
        assertEquals("joint-evaluations", timeline.next(uk("2026-06-10T00:00")).orElseThrow().key());
    }

    @Test
    void beforeNotificationNothingIsOverdueAndAfterTheLastDeadlineNothingIsNext() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 6, 2), calendar);

        assertEquals(List.of(), timeline.overdue(uk("2026-06-02T09:00")));
        assertEquals("children-list", timeline.next(uk("2026-06-02T09:00")).orElseThrow().key());
        assertTrue(timeline.next(uk("2026-11-06T00:00")).isEmpty());
        assertEquals(16, timeline.overdue(uk("2026-11-06T00:00")).size());
    }

    @Test
    void aStatementOfProposedActionIsDueSeventyWorkingDaysAfterTheFindingsLetter() {
        // 20 January 2027 + 70 working days, over Good Friday, Easter Monday and the early May bank holiday
        assertEquals(LocalDate.of(2027, 4, 30),
                JtaiTimeline.statementOfProposedActionDue(LocalDate.of(2027, 1, 20), calendar));
    }

    @Test
    void challengesCloseTenWorkingDaysAfterPublication() {
        assertEquals(LocalDate.of(2026, 12, 31), JtaiTimeline.challengesClose(LocalDate.of(2026, 12, 15), calendar));
        assertEquals(LocalDate.of(2026, 6, 16), JtaiTimeline.challengesClose(LocalDate.of(2026, 6, 2), calendar));
    }

    @Test
    void anInspectionIsNotNotifiedOnADayOff() {
        InvalidInput saturday = assertThrows(InvalidInput.class,
                () -> JtaiTimeline.from(LocalDate.of(2026, 6, 6), calendar));
        assertEquals("notifiedOn", saturday.errors().get(0).field());
        assertThrows(InvalidInput.class, () -> JtaiTimeline.from(LocalDate.of(2026, 12, 28), calendar));
    }

    @Test
    void aTimelineThatRunsPastTheBankHolidayListFailsNamingTheDate() {
        DateBeyondCalendar refused = assertThrows(DateBeyondCalendar.class,
                () -> JtaiTimeline.from(LocalDate.of(2028, 10, 3), calendar));

        assertEquals(LocalDate.of(2029, 1, 1), refused.date());
    }

    @Test
    void tellsWhichWorkingDayOfTheInspectionADateIs() {
        JtaiTimeline timeline = JtaiTimeline.from(LocalDate.of(2026, 12, 1), calendar);

        assertEquals(0, timeline.workingDayOn(LocalDate.of(2026, 12, 1)));
        assertEquals(17, timeline.workingDayOn(LocalDate.of(2026, 12, 24)));
        assertEquals(17, timeline.workingDayOn(LocalDate.of(2026, 12, 28)));
        assertEquals(18, timeline.workingDayOn(LocalDate.of(2026, 12, 29)));
    }

    private static void assertDue(JtaiTimeline timeline, String key, String date, String dueAt) {
        Milestone milestone = timeline.milestone(key).orElseThrow(() -> new AssertionError("no " + key));
        assertEquals(LocalDate.parse(date), milestone.date(), key);
        if (dueAt == null) {
            assertNull(milestone.dueAt(), key);
        } else {
            assertEquals(Instant.parse(dueAt), milestone.dueAt(), key);
        }
    }

    private static Instant uk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.UK).toInstant();
    }

}
