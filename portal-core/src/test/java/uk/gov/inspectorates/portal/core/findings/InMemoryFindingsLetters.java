package uk.gov.inspectorates.portal.core.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Findings letters in memory, with the same "once only" answers as the database's unique keys. */
final class InMemoryFindingsLetters implements FindingsLetters {

    private final List<FindingsDocument> documents = new ArrayList<>();
    private final List<SignOff> signOffs = new ArrayList<>();
    private final Map<String, AccuracyCheck> checks = new HashMap<>();
    private final Map<String, FindingsLetterIssue> issues = new HashMap<>();

    @Override
    public synchronized FindingsLetter of(String inspectionId) {
        return new FindingsLetter(inspectionId,
                documents.stream().filter(d -> d.inspectionId().equals(inspectionId)).toList(),
                signOffs.stream().filter(s -> s.inspectionId().equals(inspectionId)).toList(),
                checks.get(inspectionId), issues.get(inspectionId));
    }

    @Override
    public synchronized boolean addDocument(FindingsDocument document) {
        if (documents.stream().anyMatch(d -> d.inspectionId().equals(document.inspectionId())
                && d.kind() == document.kind() && d.version() == document.version())) {
            return false;
        }
        return documents.add(document);
    }

    @Override
    public synchronized boolean addSignOff(SignOff signOff) {
        if (signOffs.stream().anyMatch(s -> s.inspectionId().equals(signOff.inspectionId())
                && s.version() == signOff.version() && s.inspectorate() == signOff.inspectorate())) {
            return false;
        }
        return signOffs.add(signOff);
    }

    @Override
    public synchronized boolean startAccuracyCheck(AccuracyCheck check) {
        return checks.putIfAbsent(check.inspectionId(), check) == null;
    }

    @Override
    public synchronized boolean recordIssue(FindingsLetterIssue issue) {
        return issues.putIfAbsent(issue.inspectionId(), issue) == null;
    }

    @Override
    public synchronized Optional<FindingsLetterIssue> issueOf(String inspectionId) {
        return Optional.ofNullable(issues.get(inspectionId));
    }

    @Override
    public synchronized List<AccuracyCheck> openAccuracyChecks() {
        return checks.values().stream().filter(check -> {
            FindingsLetter letter = of(check.inspectionId());
            return letter.comments().isEmpty() && !letter.revised() && letter.issued().isEmpty();
        }).toList();
    }
}
