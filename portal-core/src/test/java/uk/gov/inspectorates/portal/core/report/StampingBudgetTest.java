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
            assertEquals("fits", budget.within(4 * MIB, () -> "fits"), "18 + 12 MiB fit in 30");
            assertThrows(StampingBudget.Busy.class, () -> budget.within(5 * MIB, () -> "too much"),
                    "18 + 15 MiB do not");
            return "done";
        });

        assertEquals("done", outcome);
        assertEquals("fits again", budget.within(10 * MIB, () -> "fits again"), "the budget is given back");
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
