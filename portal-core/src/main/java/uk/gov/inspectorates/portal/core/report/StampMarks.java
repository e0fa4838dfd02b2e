package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.classification.Classification;

/**
 * What a stamped copy carries: the protocol's pre-publication watermark, the GSC marking (in capitals, with its
 * descriptor), the handling instructions and a per-recipient line naming reader, organisation, time and download id.
 */
public record StampMarks(String watermark, String marking, String handlingInstructions, String recipientLine) {

    /** The protocol's wording, on every page of every pre-publication copy. */
    public static final String PRE_PUBLICATION_WATERMARK =
            "Pre-publication report \u2013 not to be shared beyond authorised reviewers";

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
        String instructions = handlingInstructions == null || handlingInstructions.isBlank()
                ? classification.defaultHandlingInstructions() : handlingInstructions.strip();
        String recipient = "Copy for " + recipientName + ", " + recipientOrganisation + " \u00b7 "
                + RECIPIENT_TIME.format(at) + " \u00b7 download " + downloadId;
        return new StampMarks(PRE_PUBLICATION_WATERMARK, classification.marking(), instructions, recipient);
    }
}
