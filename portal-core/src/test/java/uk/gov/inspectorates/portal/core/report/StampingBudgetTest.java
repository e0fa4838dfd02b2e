package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StampingBudgetTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aCopyThatDoesNotFitBesideTheOnesBeingMadeIsRefusedAsBusy() {
        StampingBudget budget = new StampingBudget(30 * MIB, Duration.ofMillis(50));

        String outcome = budget.within(6 * MIB, () -> {
            assertEquals("fits", budget.within(9 * MIB, () -> "fits"), "12 + 18 MiB fit in 30");
            assertThrows(StampingBudget.Busy.class, () -> budget.within(10 * MIB, () -> "too much"),
                    "12 + 20 MiB do not");
            return "done";
        });

        assertEquals("done", outcome);
        assertEquals("fits again", budget.within(15 * MIB, () -> "fits again"), "the budget is given back");
    }

    @Test
    void aSmallDocumentTakesAtLeastTheMinimumShareForItsObjects() {
        StampingBudget budget = new StampingBudget(3 * StampingBudget.MINIMUM_SHARE_BYTES, Duration.ZERO);

        budget.within(1, () -> budget.within(1, () -> budget.within(1, () -> {
            assertThrows(StampingBudget.Busy.class, () -> budget.within(1, () -> "a fourth"),
                    "three one-byte documents take three minimum shares: the whole budget");
            return "three";
        })));
    }

    @Test
    void theBudgetIsGivenBackWhenStampingFailsAndAHugeDocumentTakesAllOfItAlone() {
        StampingBudget budget = new StampingBudget(30 * MIB, Duration.ZERO);

        assertThrows(IllegalStateException.class, () -> budget.within(10 * MIB, () -> {
            throw new IllegalStateException("damaged");
        }));

        assertEquals("alone", budget.within(100 * MIB, () -> {
            assertThrows(StampingBudget.Busy.class, () -> budget.within(1, () -> "beside it"));
            return "alone";
        }));
    }
}
