package uk.gov.inspectorates.portal.core.postinspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class InMemoryStatements implements ProposedActionStatements {

    private final Map<String, StatementOfProposedAction> statements = new LinkedHashMap<>();
    private final Map<String, StatementReview> reviews = new LinkedHashMap<>();

    @Override
    public boolean name(StatementOfProposedAction statement) {
        return statements.putIfAbsent(statement.inspectionId(), statement) == null;
    }

    @Override
    public Optional<StatementOfProposedAction> ofInspection(String inspectionId) {
        return Optional.ofNullable(statements.get(inspectionId));
    }

    @Override
    public List<StatementOfProposedAction> all() {
        return new ArrayList<>(statements.values());
    }

    @Override
    public boolean review(StatementReview review) {
        return reviews.putIfAbsent(review.documentId(), review) == null;
    }

    @Override
    public List<StatementReview> reviewsOf(String inspectionId) {
        return reviews.values().stream().filter(review -> review.inspectionId().equals(inspectionId)).toList();
    }
}
