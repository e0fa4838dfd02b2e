package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.termplan.Term;
import uk.gov.inspectorates.portal.core.termplan.TermPlanList;
import uk.gov.inspectorates.portal.core.termplan.TermPlanRepository;

public final class InMemoryTermPlanRepository implements TermPlanRepository {

    private final List<TermPlanList> plans = new ArrayList<>();

    @Override
    public void add(TermPlanList plan) {
        if (plans.stream().anyMatch(p -> p.inspectorate() == plan.inspectorate() && p.term().equals(plan.term())
                && p.version() == plan.version())) {
            throw new IllegalStateException("version taken");
        }
        plans.add(plan);
    }

    @Override
    public Optional<TermPlanList> find(String id) {
        return plans.stream().filter(plan -> plan.id().equals(id)).findFirst();
    }

    @Override
    public List<TermPlanList> ofTerm(Term term) {
        return plans.stream().filter(plan -> plan.term().equals(term))
                .sorted(Comparator.comparing(TermPlanList::inspectorate).thenComparing(TermPlanList::version))
                .toList();
    }

    @Override
    public int latestVersion(Inspectorate inspectorate, Term term) {
        return plans.stream().filter(p -> p.inspectorate() == inspectorate && p.term().equals(term))
                .mapToInt(TermPlanList::version).max().orElse(0);
    }

    public List<TermPlanList> all() {
        return List.copyOf(plans);
    }
}
