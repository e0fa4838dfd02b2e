package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;

class StampMarksTest {

    private static final Instant SUMMER_MORNING = Instant.parse("2026-07-01T08:30:00Z");

    @Test
    void carriesTheProtocolsWatermarkAndTheMarkingInCapitalsWithItsDescriptor() {
        StampMarks marks = StampMarks.forDownload(new Classification(Tier.OFFICIAL_SENSITIVE, "personal"),
                "Do not print.", "Ada Reader", "CQC", SUMMER_MORNING, "dl-1");

        assertEquals("Pre-publication report \u2013 not to be shared beyond authorised reviewers", marks.watermark());
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", marks.marking());
        assertEquals("Do not print.", marks.handlingInstructions());
    }

    @Test
    void namesTheReaderTheirOrganisationTheUkTimeAndTheDownloadId() {
        StampMarks marks = StampMarks.forDownload(Classification.of(Tier.OFFICIAL), null, "Ada Reader", "CQC",
                SUMMER_MORNING, "dl-42");

        assertEquals("Copy for Ada Reader, CQC \u00b7 1 Jul 2026 09:30 UK time \u00b7 download dl-42",
                marks.recipientLine());
    }

    @Test
    void fallsBackToTheClassificationsHandlingInstructionsWhenNoneWereGiven() {
        Classification official = Classification.of(Tier.OFFICIAL);
        StampMarks marks = StampMarks.forDownload(official, "  ", "A", "B", SUMMER_MORNING, "d");

        assertEquals(official.defaultHandlingInstructions(), marks.handlingInstructions());
    }
}
