package uk.gov.inspectorates.portal.core.retention;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The retention policy in force for each category (a persistence port; changes and their history: issue 17). */
@PersistencePort
public interface RetentionPolicies {

    RetentionPolicy current(RetentionCategory category);
}
