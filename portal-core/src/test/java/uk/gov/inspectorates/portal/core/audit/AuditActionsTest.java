package uk.gov.inspectorates.portal.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;

/** The actions that serve content are named in one set, and every download or export action is in it. */
class AuditActionsTest {

    /** Every action AuditActions names (its public String constants). */
    private static Set<String> allActions() throws IllegalAccessException {
        Set<String> actions = new TreeSet<>();
        for (Field field : AuditActions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                actions.add((String) field.get(null));
            }
        }
        return actions;
    }

    @Test
    void everyDownloadAndEveryExportServesContent() throws IllegalAccessException {
        Set<String> servingByName = new TreeSet<>();
        for (String action : allActions()) {
            if (action.contains("DOWNLOAD") || action.endsWith("_EXPORT")) {
                servingByName.add(action);
            }
        }
        assertTrue(servingByName.size() >= 7, () -> "the download and export actions: " + servingByName);
        assertEquals(servingByName, new TreeSet<>(AuditActions.SERVES_CONTENT),
                "a download or export action missing from AuditActions.SERVES_CONTENT would be folded into a page view");
    }

    @Test
    void aPageViewNeverFoldsWhatServesContent() {
        for (String action : AuditActions.SERVES_CONTENT) {
            AuditEvent served = new AuditEvent(Instant.EPOCH, "user-1", "ofsted", action, "REPORT", "r1",
                    Outcome.SUCCEEDED, null);
            try (PageView ignored = PageView.open()) {
                assertTrue(PageView.admits(new AuditEvent(Instant.EPOCH, "user-1", "ofsted", AuditActions.REPORT_VIEW,
                        "REPORT", "r1", Outcome.SUCCEEDED, null)));
                assertTrue(PageView.admits(served), action + " is its own event");
                assertTrue(PageView.admits(served), action + " twice is two events");
            }
        }
    }
}
