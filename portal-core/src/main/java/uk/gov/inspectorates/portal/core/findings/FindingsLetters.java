package uk.gov.inspectorates.portal.core.findings;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Where findings letters are kept: their documents, sign-offs, accuracy check and issue. Each step is recorded once
 * (the methods that record answer false when it was recorded already), so two people acting at once cannot both
 * succeed.
 */
@PersistencePort
public interface FindingsLetters {

    /** Every document and step of the inspection's findings letter (an empty letter when nothing was done yet). */
    FindingsLetter of(String inspectionId);

    /** Adds a letter version or the comments; false if that version (or the comments) exists already. */
    boolean addDocument(FindingsDocument document);

    /** False if the inspectorate signed that version off already. */
    boolean addSignOff(SignOff signOff);

    /** False if the inspection's letter was sent for its accuracy check already (there is one check). */
    boolean startAccuracyCheck(AccuracyCheck check);

    /** False if the letter was issued already. */
    boolean recordIssue(FindingsLetterIssue issue);

    /** The issue of the letter, if it was issued. */
    Optional<FindingsLetterIssue> issueOf(String inspectionId);

    /** Accuracy checks whose comments have not been uploaded, for reminders to the DCS. */
    List<AccuracyCheck> openAccuracyChecks();

    /** The stored content of every document of the inspection's letter (for the inspection's removal). */
    default List<StoredContent> contentsOf(String inspectionId) {
        return of(inspectionId).documents().stream().map(document -> document.document().content()).toList();
    }
}
