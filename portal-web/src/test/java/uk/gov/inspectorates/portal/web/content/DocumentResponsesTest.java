package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DocumentResponsesTest {

    @Test
    void fileNamesInHeadersCannotBreakOutOfTheirQuotes() {
        assertEquals("report_ x.pdf", DocumentResponses.asciiFileName("report\" x.pdf"));
        assertEquals("a_b.pdf", DocumentResponses.asciiFileName("a\nb.pdf"));
        assertEquals("document", DocumentResponses.asciiFileName("  "));
    }
}
