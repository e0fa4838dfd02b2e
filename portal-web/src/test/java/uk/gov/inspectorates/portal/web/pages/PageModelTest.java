package uk.gov.inspectorates.portal.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.web.api.Problem;

class PageModelTest {

    @Test
    void apiFieldPathsLinkToThePagesFieldIds() {
        assertEquals("contentFinal", PageModel.fieldId("attestations.contentFinal"));
        assertEquals("classificationTier", PageModel.fieldId("classification.tier"));
        assertEquals("title", PageModel.fieldId("title"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anErrorSummaryLinksEachMessageToItsField() {
        Problem problem = Problem.of("invalid-input", "Check", 422, null)
                .withErrors(List.of(new Problem.InvalidField("classification.tier", "Select the classification")));
        Map<String, Object> model = PageModel.titled("Share a report").errors(problem).asMap();
        assertEquals("Error: Share a report", model.get("title"));
        assertEquals(List.of(Map.of("message", "Select the classification", "href", "#classificationTier")),
                model.get("errors"));
        assertEquals("Select the classification", ((Map<String, String>) model.get("fieldErrors"))
                .get("classificationTier"));
    }
}
