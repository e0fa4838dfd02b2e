package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.Busy;

/** The uploads' memory, portal-wide: so many requests at once and no more, shared with PDF checks, always given back. */
class UploadMemoryTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    /** Room for three requests of 8 MiB. */
    private final UploadMemory memory = new UploadMemory(24 * MIB, 8 * MIB, Duration.ofMillis(50), RETRY_AFTER);

    @Test
    void noMoreRequestsAtOnceThanTheMemoryHoldsAndTheNextIsBusyOfThePortal() {
        List<UploadMemory.Held> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(memory.admitRequest());
        }
        assertEquals(3, memory.requestPlaces());

        Busy busy = assertThrows(Busy.class, memory::admitRequest);
        assertEquals(UploadMemory.RULE, busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertEquals(7, busy.retryAfterSeconds());

        held.get(0).close();
        held.set(0, memory.admitRequest());
        held.forEach(UploadMemory.Held::close);
        assertEquals(24 * 1024, memory.availableKib(), "every request gave its share back");
    }

    @Test
    void aRequestWaitsForAShareThatComesFreeWithinTheWait() throws Exception {
        UploadMemory patient = new UploadMemory(8 * MIB, 8 * MIB, Duration.ofSeconds(10), RETRY_AFTER);
        UploadMemory.Held first = patient.admitRequest();
        Thread freeing = new Thread(first::close);
        freeing.start();
        try (UploadMemory.Held second = patient.admitRequest()) {
            assertEquals(0, patient.availableKib());
        }
        freeing.join();
        assertEquals(8 * 1024, patient.availableKib());
    }

    @Test
    void aShareClosedTwiceIsGivenBackOnce() {
        UploadMemory.Held held = memory.admitRequest();
        held.close();
        held.close();
        assertEquals(24 * 1024, memory.availableKib());
    }

    @Test
    void pdfChecksAndRequestsShareOneBudget() {
        assertTrue(memory.take(20 * MIB, Duration.ZERO), "a PDF check takes most of it");
        assertThrows(Busy.class, memory::admitRequest, "no request fits beside it");
        assertFalse(memory.take(5 * MIB, Duration.ZERO));
        memory.give(20 * MIB);
        memory.admitRequest().close();
        assertEquals(24 * 1024, memory.availableKib());
    }

    @Test
    void aRequestLargerThanAllTheMemoryIsChargedAllOfItNotRefusedForever() {
        UploadMemory small = new UploadMemory(4 * MIB, 8 * MIB, Duration.ZERO, RETRY_AFTER);
        try (UploadMemory.Held held = small.admitRequest()) {
            assertEquals(0, small.availableKib());
            assertThrows(Busy.class, small::admitRequest);
        }
        assertEquals(4 * 1024, small.availableKib());
    }
}
