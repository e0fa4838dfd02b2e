package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.classification.Classification;

/**
 * What a stamped copy carries: the protocol's pre-publication watermark (or, on a letter after its report's
 * publication, the correspondence line), the GSC marking (in capitals, with its
 * descriptor), the handling instructions and a per-recipient line naming reader, organisation, time and download id.
 */
public record StampMarks(String watermark, String marking, String handlingInstructions, String recipientLine) {

    /** The protocol's wording, on every page of every pre-publication copy. */
    public static final String PRE_PUBLICATION_WATERMARK =
            "Pre-publication report \u2013 not to be shared beyond authorised reviewers";

    /**
     * Instead of the pre-publication watermark, on every page of a letter served after its report's publication: the
     * pre-publication marking goes at publication (ISP ¶13), but a letter is correspondence that is never published
     * (docs/adr/0015, 0027), so its copy says what it is.
     */
    public static final String PUBLISHED_REPORT_CORRESPONDENCE =
            "Correspondence about a published report \u2013 not for publication";

    private static final DateTimeFormatter RECIPIENT_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UK time'").withZone(ZoneId.of("Europe/London"));

    public StampMarks {
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(handlingInstructions, "handlingInstructions");
        Objects.requireNonNull(recipientLine, "recipientLine");
    }

    /** The marks of one download of an embargoed document by one reader. */
    public static StampMarks forDownload(Classification classification, String handlingInstructions,
                                         String recipientName, String recipientOrganisation, Instant at,
                                         String downloadId) {
        return withWatermark(PRE_PUBLICATION_WATERMARK, classification, handlingInstructions, recipientName,
                recipientOrganisation, at, downloadId);
    }

    /**
     * The marks of one download of a letter whose report is published: its classification and handling instructions
     * as before, the correspondence line where the pre-publication watermark was.
     */
    public static StampMarks forCorrespondenceAfterPublication(Classification classification,
                                                               String handlingInstructions, String recipientName,
                                                               String recipientOrganisation, Instant at,
                                                               String downloadId) {
        return withWatermark(PUBLISHED_REPORT_CORRESPONDENCE, classification, handlingInstructions, recipientName,
                recipientOrganisation, at, downloadId);
    }

    private static StampMarks withWatermark(String watermark, Classification classification,
                                            String handlingInstructions, String recipientName,
                                            String recipientOrganisation, Instant at, String downloadId) {
        String instructions = handlingInstructions == null || handlingInstructions.isBlank()
                ? classification.defaultHandlingInstructions() : handlingInstructions.strip();
        String recipient = "Copy for " + recipientName + ", " + recipientOrganisation + " \u00b7 "
                + RECIPIENT_TIME.format(at) + " \u00b7 download " + downloadId;
        return new StampMarks(watermark, classification.marking(), instructions, recipient);
    }
}
