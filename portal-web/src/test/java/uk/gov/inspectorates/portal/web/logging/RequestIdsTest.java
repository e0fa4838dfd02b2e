package uk.gov.inspectorates.portal.web.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void newIdsAreRandomHexAndFieldsCarryOnlyWhatIsKnown() {
        String one = RequestIds.newId();
        assertTrue(one.matches("[0-9a-f]{24}"), one);
        assertNotEquals(one, RequestIds.newId());
        assertFalse(RequestIds.current().isPresent(), "no request on this thread");
        assertEquals(java.util.Map.of("rule", "report.share.x"), LogFields.ofRule("report.share.x"));
        assertEquals(java.util.Map.of(), LogFields.ofRule(null));
    }
}
