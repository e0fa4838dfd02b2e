package uk.gov.inspectorates.portal.core.audit;

import java.util.List;

/** One page of a search, newest first (by time, then seq); {@code more} when a next page has at least one event. */
public record AuditPage(List<StoredAuditEvent> events, int page, int pageSize, boolean more) {
    public AuditPage {
        events = List.copyOf(events);
    }
}
