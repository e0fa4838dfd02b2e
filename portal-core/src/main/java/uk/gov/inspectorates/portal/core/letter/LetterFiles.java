package uk.gov.inspectorates.portal.core.letter;

import uk.gov.inspectorates.portal.core.document.IntakeRefusals;
import java.io.IOException;
import java.io.InputStream;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;

/**
 * A letter's file: taken in as a report's is (PDF only, type from the bytes, malware scan in the same pass, nothing on
 * disk), moved between key scopes, or discarded when its row could not be written. A refused file is audited as a
 * refused {@code LETTER_ADD}.
 */
public final class LetterFiles {

    private final DocumentIntake intake;
    private final DocumentStore store;
    private final PolicyGate gate;

    public LetterFiles(DocumentIntake intake, DocumentStore store, PolicyGate gate) {
        this.intake = intake;
        this.store = store;
        this.gate = gate;
    }

    public long maxUploadBytes() {
        return intake.maxBytes();
    }

    /** The file checked and stored under the scope; a refusal of the file is audited against the resource. */
    AcceptedDocument accepted(Subject subject, IncomingDocument file, KeyScope scope, String resourceType,
                              String resourceId) {
        Act act = Act.of(AuditActions.LETTER_ADD, resourceType, resourceId);
        return IntakeRefusals.audited(() -> intake.accept(file, AllowedTypes.REPORTS, scope),
                detail -> gate.record(subject, act, Outcome.REFUSED, detail));
    }

    /** The content stored again under another scope, decrypted and re-encrypted as it streams (never on disk). */
    StoredContent copyInto(StoredContent content, KeyScope scope) throws IOException {
        try (InputStream in = store.open(content)) {
            return store.store(scope, in);
        }
    }

    /** Deletes a stored file whose row could not be kept; a failure to delete is added to the first failure. */
    void discard(AcceptedDocument document, RuntimeException failure) {
        try {
            store.delete(document.content());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
