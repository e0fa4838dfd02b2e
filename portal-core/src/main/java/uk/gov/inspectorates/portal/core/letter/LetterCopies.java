package uk.gov.inspectorates.portal.core.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.StampedCopies;
import uk.gov.inspectorates.portal.core.report.StampedCopy;
import uk.gov.inspectorates.portal.core.report.Stamper;
import uk.gov.inspectorates.portal.core.report.StampingBudget;
import uk.gov.inspectorates.portal.core.shared.Ids;

/**
 * The one way a letter becomes bytes to serve: a copy stamped for its reader with the letter's own classification and
 * handling instructions and a download id, every page stamped in memory before a byte is served (docs/adr/0013, 0015). A
 * letter is never published, so it is stamped before and after its report's publication alike; only the line across
 * every page changes at publication (ISP ¶13, docs/adr/0027).
 */
public final class LetterCopies {

    /** On the first page of every copy of an advance letter, before its handling instructions. */
    public static final String ADVANCE_FLAG = "ADVANCE LETTER \u2013 RISK OF SIGNIFICANT HARM.";

    private final StampedCopies stampedCopies;
    private final PolicyGate gate;

    /** {@code budget}: the one the report service uses too (they share the heap). */
    public LetterCopies(DocumentStore store, Stamper stamper, StampingBudget budget, PolicyGate gate) {
        this.stampedCopies = new StampedCopies(store, stamper, budget);
        this.gate = gate;
    }

    /**
     * The marks of one reader's copy. While its report is not published (or a letter sent ahead has none yet) the
     * protocol's pre-publication watermark; once the report is published that marking is removed (ISP ¶13) and the
     * copy says instead that it is correspondence about a published report, not for publication. The letter's
     * classification stays top and bottom of every page; an advance letter says so first, on its first page.
     */
    static StampMarks marksFor(Letter letter, boolean reportPublished, Subject reader, Instant at, String downloadId) {
        String instructions = letter.handlingInstructions() == null || letter.handlingInstructions().isBlank()
                ? letter.classification().defaultHandlingInstructions() : letter.handlingInstructions().strip();
        if (letter.advance()) {
            instructions = ADVANCE_FLAG + " " + instructions;
        }
        return reportPublished
                ? StampMarks.forCorrespondenceAfterPublication(letter.classification(), instructions,
                        reader.displayName(), reader.organisation().name(), at, downloadId)
                : StampMarks.forDownload(letter.classification(), instructions, reader.displayName(),
                        reader.organisation().name(), at, downloadId);
    }

    /** The letter's stamped copy for the reader, with one audit event whatever happens (the detail says where). */
    LetterDownload served(Subject reader, Letter letter, boolean reportPublished, Instant now, String where) {
        String downloadId = Ids.newId();
        Act act = Act.of(AuditActions.LETTER_DOWNLOAD, "LETTER", letter.id());
        StampedCopy stamped;
        try {
            stamped = stampedCopies.of(letter.document().content(),
                    marksFor(letter, reportPublished, reader, now, downloadId));
        } catch (IOException e) {
            gate.record(reader, act, Outcome.REFUSED, "content unavailable");
            throw new UncheckedIOException("the letter's content could not be opened", e);
        } catch (Stamper.UnstampableDocument e) {
            gate.record(reader, act, Outcome.REFUSED, "could not be stamped");
            throw e;
        } catch (StampingBudget.Busy e) {
            gate.record(reader, act, Outcome.REFUSED, "stamping busy: try again");
            throw e;
        }
        return new LetterDownload(letter, downloadId, gate.recordDownload(reader, act, downloadId,
                where + (reportPublished ? " after publication" : "") + " downloadId=" + downloadId, stamped));
    }
}
