package uk.gov.inspectorates.portal.core.termplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.termplan.Term.Season;

class TermTest {

    @Test
    void parsesTheAcademicYearAndTheTerm() {
        assertEquals(new Term(2026, Season.SPRING), Term.parse("2026-27 SPRING"));
        assertEquals(new Term(2026, Season.SPRING), Term.parse("  2026-27   spring "));
        assertEquals(new Term(2098, Season.SUMMER), Term.parse("2098-99 SUMMER"));
        assertEquals(new Term(2029, Season.AUTUMN), Term.parse("2029-30 Autumn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "2026 SPRING", "2026-28 SPRING", "2026-27 WINTER", "2026-27", "SPRING",
            "26-27 SPRING", "2026-27 SPRING extra", "1999-00 AUTUMN", "2099-00 AUTUMN", "2026/27 SPRING"})
    void anythingElseIsAFieldErrorOnTerm(String text) {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> Term.parse(text));
        assertEquals("term", invalid.errors().get(0).field());
    }

    @Test
    void aNullTermIsAFieldErrorToo() {
        assertEquals("term", assertThrows(InvalidInput.class, () -> Term.parse(null)).errors().get(0).field());
    }

    @Test
    void writesItselfAsItIsRead() {
        Term term = new Term(2026, Season.SPRING);
        assertEquals("2026-27 SPRING", term.code());
        assertEquals(term, Term.parse(term.code()));
        assertEquals("Spring term 2026-27", term.title());
        assertEquals("2009-10", new Term(2009, Season.AUTUMN).academicYear());
    }

    @Test
    void datesFallInTheirTermAndTermsFollowEachOther() {
        assertEquals(Term.parse("2026-27 AUTUMN"), Term.containing(LocalDate.of(2026, 12, 3)));
        assertEquals(Term.parse("2026-27 SPRING"), Term.containing(LocalDate.of(2027, 1, 4)));
        assertEquals(Term.parse("2026-27 SUMMER"), Term.containing(LocalDate.of(2027, 8, 31)));
        assertEquals(Term.parse("2027-28 AUTUMN"), Term.parse("2026-27 SUMMER").next());
        assertEquals(Term.parse("2026-27 SUMMER"), Term.parse("2027-28 AUTUMN").previous());
        assertEquals(Term.parse("2026-27 SPRING"), Term.parse("2026-27 AUTUMN").next());
        assertTrue(Term.parse("2026-27 AUTUMN").compareTo(Term.parse("2026-27 SPRING")) < 0);
    }
}
