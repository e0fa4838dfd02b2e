package uk.gov.inspectorates.portal.core.accountability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.audit.AuditActivity;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;

/** Events in memory, searched and counted by the ports' definitions (AuditQuery.matches, AuditScope.covers). */
final class InMemoryAuditEvents implements AuditSearch, AuditActivity {

    private final List<StoredAuditEvent> events = new ArrayList<>();
    int searches;

    void add(AuditEvent event) {
        events.add(new StoredAuditEvent(events.size() + 1, event, new byte[32], new byte[32]));
    }

    @Override
    public AuditPage search(AuditQuery query, AuditScope scope) {
        searches++;
        List<StoredAuditEvent> found = events.stream()
                .filter(e -> query.matches(e.event()) && scope.covers(e.event()))
                .sorted(Comparator.comparing((StoredAuditEvent e) -> e.event().at())
                        .thenComparingLong(StoredAuditEvent::seq).reversed()).toList();
        int from = (query.page() - 1) * query.pageSize();
        List<StoredAuditEvent> page = found.subList(Math.min(from, found.size()),
                Math.min(from + query.pageSize(), found.size()));
        return new AuditPage(page, query.page(), query.pageSize(), found.size() > from + query.pageSize());
    }

    @Override
    public List<Count> counts(About about, Period period, Instant from, Instant to, AuditScope scope) {
        record Key(Instant start, String organisation, String action, AuditEvent.Outcome outcome) {
        }
        Map<Key, Long> grouped = events.stream().map(StoredAuditEvent::event)
                .filter(e -> about.reportId() != null ? about.reportId().equals(e.reportId())
                        : about.inspectionId().equals(e.inspectionId()))
                .filter(e -> (from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to)))
                .filter(scope::covers)
                .collect(Collectors.groupingBy(e -> new Key(period.start(e.at()), e.actorOrganisationId(),
                        e.action(), e.outcome()), java.util.LinkedHashMap::new,
                        Collectors.counting()));
        return grouped.entrySet().stream()
                .map(e -> new Count(e.getKey().start(), e.getKey().organisation(), e.getKey().action(),
                        e.getKey().outcome(), e.getValue()))
                .sorted(Comparator.comparing(Count::start)).toList();
    }
}
