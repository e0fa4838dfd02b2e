package uk.gov.inspectorates.portal.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one place a title is made fit for an e-mail: each of its cuts fails here when removed. */
class NoticeTitleTest {

    @Test
    void wordsHoldingTwoOrMoreDigitsAreRemovedSoNoIdentifierReachesAnEmail() {
        assertEquals("Case files for child [removed] and [removed]",
                NoticeTitle.clean("Case files for child 1234567 and NHS-943-476-5919"));
        assertEquals("Key case documents by day 5", NoticeTitle.clean("Key case documents by day 5"),
                "a single digit is no identifier");
        assertEquals("Children [removed] and [removed]", NoticeTitle.clean("Children C12 and AB-34"));
    }

    @Test
    void addressesAreRemoved() {
        assertEquals("Ask [removed] for the list", NoticeTitle.clean("Ask jo.bloggs@northdale.gov.uk for the list"));
    }

    @Test
    void controlAndBidirectionalCharactersGoSoNoHeaderOrLineCanBeInjected() {
        String cleaned = NoticeTitle.clean("Report\r\nBcc: someone@evil.example\u202Etxt.exe\u0000 end");

        assertFalse(cleaned.contains("\r") || cleaned.contains("\n") || cleaned.contains("\u202E")
                || cleaned.contains("\u0000"), cleaned);
        assertEquals("Report Bcc: [removed] txt.exe end", cleaned);
    }

    @Test
    void aLongTitleIsCutAtAWordWithinTheLimit() {
        String cleaned = NoticeTitle.clean("Joint targeted area inspection of the multi-agency response to children"
                + " at risk of exploitation in Northdale and its neighbouring areas");

        assertTrue(cleaned.length() <= NoticeTitle.MAX_LENGTH + 1, cleaned);
        assertTrue(cleaned.endsWith("…"), cleaned);
        assertTrue(cleaned.startsWith("Joint targeted area inspection"), cleaned);
    }

    @Test
    void nothingLeftIsAnEmptyTitle() {
        assertEquals("", NoticeTitle.clean(null));
        assertEquals("", NoticeTitle.clean(" \t\u200B "));
    }
}
