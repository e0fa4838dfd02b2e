package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterRepository;

public final class InMemoryLetterRepository implements LetterRepository {

    private final List<Letter> letters = new ArrayList<>();
    private RuntimeException failOnAdd;

    public void failOnAdd(RuntimeException failure) {
        this.failOnAdd = failure;
    }

    @Override
    public synchronized void add(Letter letter) {
        if (failOnAdd != null) {
            throw failOnAdd;
        }
        letters.add(letter);
    }

    @Override
    public synchronized Optional<Letter> find(String reportId, String letterId) {
        return letters.stream().filter(l -> reportId.equals(l.reportId()) && l.id().equals(letterId)).findFirst();
    }

    @Override
    public synchronized List<Letter> ofReport(String reportId) {
        return letters.stream().filter(l -> reportId.equals(l.reportId())).toList();
    }

    @Override
    public synchronized List<Letter> ofReports(Collection<String> reportIds) {
        return letters.stream().filter(l -> reportIds.contains(l.reportId())).toList();
    }

    @Override
    public synchronized List<StoredContent> contentsOf(String reportId) {
        return ofReport(reportId).stream().map(l -> l.document().content()).toList();
    }

    @Override
    public synchronized void deleteOf(String reportId) {
        letters.removeIf(l -> reportId.equals(l.reportId()));
    }

    @Override
    public synchronized Optional<Letter> findStandalone(String letterId) {
        return letters.stream().filter(l -> l.standalone() && l.id().equals(letterId)).findFirst();
    }

    @Override
    public synchronized List<Letter> standalone() {
        return letters.stream().filter(Letter::standalone).toList();
    }

    @Override
    public synchronized boolean link(String letterId, String reportId, StoredContent movedContent) {
        Optional<Letter> found = findStandalone(letterId);
        if (found.isEmpty()) {
            return false;
        }
        Letter letter = found.get();
        letters.set(letters.indexOf(letter), letter.linkedTo(reportId, new uk.gov.inspectorates.portal.core.document
                .AcceptedDocument(letter.document().fileName(), letter.document().mediaType(), movedContent)));
        return true;
    }

    @Override
    public synchronized boolean deleteStandalone(String letterId) {
        return letters.removeIf(l -> l.standalone() && l.id().equals(letterId));
    }

    public synchronized List<Letter> all() {
        return List.copyOf(letters);
    }
}
