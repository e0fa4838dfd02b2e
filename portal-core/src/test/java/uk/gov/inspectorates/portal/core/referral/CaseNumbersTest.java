package uk.gov.inspectorates.portal.core.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.FieldError;

/** Case numbers are identifiers only (JTAI §19, §80): anything that looks like a name is refused. */
class CaseNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"CS-2026-00417", "AB12/345", "1234567", "LA_2026.17", "nhs9434765919"})
    void identifiersAreAccepted(String number) {
        assertTrue(CaseNumbers.isIdentifier(number), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Smith", "JSmith", "Smith-Jones", "O'Brien", "Jane Smith 2", "Zoë12",
            "-123", "12 34", "<script>1", "12345678901234567890123456789012345678901"})
    void namesAndAnythingElseAreRefused(String number) {
        assertFalse(CaseNumbers.isIdentifier(number), number);
    }

    @Test
    void theRefusalNamesThePositionNeverWhatWasGiven() {
        List<FieldError> errors = new ArrayList<>();

        List<String> kept = CaseNumbers.check(List.of("CS-1", "Jane Smith", " CS-2 ", "CS-1", ""), errors);

        assertEquals(List.of("CS-1", "CS-2"), kept);
        assertEquals(1, errors.size());
        assertEquals("caseNumbers", errors.get(0).field());
        assertTrue(errors.get(0).message().startsWith("Case number 2 "), errors.get(0).message());
        assertFalse(errors.get(0).message().contains("Jane"), errors.get(0).message());
    }

    @Test
    void atLeastOneAndAtMostTwenty() {
        List<FieldError> none = new ArrayList<>();
        CaseNumbers.check(List.of(" ", ""), none);
        assertEquals(List.of(new FieldError("caseNumbers", "Give at least one case number")), none);

        List<FieldError> many = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            numbers.add("CS-" + i);
        }
        CaseNumbers.check(Collections.unmodifiableList(numbers), many);
        assertEquals(1, many.size(), many.toString());
    }
}
