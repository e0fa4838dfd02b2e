package uk.gov.inspectorates.portal.web.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** The chart's parameters: one report or one inspection, dates as whole UK days, every bad field named at once. */
class ChartCriteriaTest {

    private static ChartCriteria.Chart chart(Map<String, String> parameters) {
        return ChartCriteria.chart(parameters::get);
    }

    private static List<String> failing(Map<String, String> parameters) {
        return assertThrows(InvalidInput.class, () -> chart(parameters)).errors().stream().map(FieldError::field)
                .toList();
    }

    @Test
    void aReportWithDatesAsWholeUkDays() {
        ChartCriteria.Chart chart = chart(Map.of("report", "0123abcd", "from", "2027-07-01", "to", "2027-07-02"));

        assertEquals("0123abcd", chart.about().reportId());
        assertNull(chart.about().inspectionId());
        assertEquals(Instant.parse("2027-06-30T23:00:00Z"), chart.from(), "midnight in London, summer time");
        assertEquals(Instant.parse("2027-07-02T23:00:00Z"), chart.to(), "to the end of the day given");
        assertEquals("report=0123abcd&from=2027-06-30T23:00:00Z&to=2027-07-02T23:00:00Z", chart.queryString());
    }

    @Test
    void anInspectionWithAnInstant() {
        ChartCriteria.Chart chart = chart(Map.of("inspection", "i-1", "from", "2027-01-01T10:00:00Z"));

        assertEquals("i-1", chart.about().inspectionId());
        assertEquals(Instant.parse("2027-01-01T10:00:00Z"), chart.from());
        assertNull(chart.to());
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals(List.of("report"), failing(Map.of()));
        assertEquals(List.of("report"), failing(Map.of("report", " ")));
        assertEquals(List.of("inspection"), failing(Map.of("report", "r", "inspection", "i")));
        assertEquals(List.of("report", "from", "to"),
                failing(Map.of("report", "<script>", "from", "yesterday", "to", "2027-13-01")));
        assertEquals(List.of("to"), failing(Map.of("report", "r", "from", "2027-02-02", "to", "2027-02-01")));
    }
}
