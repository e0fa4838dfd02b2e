package uk.gov.inspectorates.portal.core.audit;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Searching the trail within a reader's scope (a persistence port; indexed on every criterion of the query). */
@PersistencePort
public interface AuditSearch {

    AuditPage search(AuditQuery query, AuditScope scope);
}
