package uk.gov.inspectorates.portal.auditverifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<String> fields() {
        List<String> values = new ArrayList<>(Collections.nCopies(AuditChain.FIELDS.size(), null));
        values.set(0, "1");
        values.set(1, "2026-12-06T08:00:00Z");
        values.set(5, "REPORT_VIEW");
        values.set(11, "SUCCEEDED");
        return values;
    }

    @Test
    void theDigestIsStableAndSeparatesFields() {
        assertArrayEquals(AuditChain.contentDigest(fields()), AuditChain.contentDigest(fields()));
        List<String> moved = fields();
        moved.set(6, "ab");
        List<String> movedAgain = fields();
        movedAgain.set(6, "a");
        movedAgain.set(7, "b");
        assertFalse(Arrays.equals(AuditChain.contentDigest(moved), AuditChain.contentDigest(movedAgain)));
        List<String> empty = fields();
        empty.set(12, "");
        assertFalse(Arrays.equals(AuditChain.contentDigest(fields()), AuditChain.contentDigest(empty)));
    }

    @Test
    void aLinkDependsOnThePreviousHash() {
        byte[] digest = AuditChain.contentDigest(fields());
        byte[] first = AuditChain.link(null, digest);
        assertFalse(Arrays.equals(first, AuditChain.link(first, digest)));
    }

    @Test
    void theWrongNumberOfFieldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditChain.contentDigest(List.of("1")));
    }
}
