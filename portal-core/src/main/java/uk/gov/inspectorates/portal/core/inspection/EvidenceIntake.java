package uk.gov.inspectorates.portal.core.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.ContentCheck;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * How evidence enters: the one intake with the evidence types, under the inspection's key scope, and, for a request
 * for the list of children (JTAI §19, §80), the check that the list identifies children by number and names nobody.
 * A request for the list asks for nothing else ({@link InformationRequests}), so everything uploaded against it is a
 * list (CSV or XLSX) and is checked; other evidence is not content-checked.
 */
public final class EvidenceIntake {

    private final DocumentIntake intake;
    private final DocumentStore store;
    private final ContentCheck childrenLists;

    /** {@code childrenLists}: the check of a list of children ({@code core.evidence.ChildrenListCheck}). */
    public EvidenceIntake(DocumentIntake intake, DocumentStore store, ContentCheck childrenLists) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.store = Objects.requireNonNull(store, "store");
        this.childrenLists = Objects.requireNonNull(childrenLists, "childrenLists");
    }

    public long maxBytes() {
        return intake.maxBytes();
    }

    /** The file checked and stored in the same pass, or refused with nothing kept. */
    AcceptedDocument accept(IncomingDocument file, Inspection inspection, InformationRequest request) {
        return intake.accept(file, AllowedTypes.EVIDENCE, inspection.keyScope(), checkFor(request));
    }

    /**
     * A completed resumable upload, already scanned and of an evidence type, as the request needs it: a list of
     * children is read back once more (lists are small) through the list check; a refused one is deleted.
     */
    AcceptedDocument checked(AcceptedDocument claimed, InformationRequest request) {
        ContentCheck check = checkFor(request);
        if (check == ContentCheck.NONE) {
            return claimed;
        }
        ContentCheck.Session session = check.start();
        try (InputStream plaintext = store.open(claimed.content())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = plaintext.read(buffer); n >= 0; n = plaintext.read(buffer)) {
                session.feed(buffer, 0, n);
            }
            session.conclude(claimed.mediaType());
            return claimed;
        } catch (UploadRejected rejected) {
            throw deleted(claimed, rejected);
        } catch (IOException e) {
            throw deleted(claimed, new UncheckedIOException("the upload could not be read back", e));
        }
    }

    private ContentCheck checkFor(InformationRequest request) {
        return request.asksForTheListOfChildren() ? childrenLists : ContentCheck.NONE;
    }

    private <T extends RuntimeException> T deleted(AcceptedDocument claimed, T failure) {
        try {
            store.delete(claimed.content());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
