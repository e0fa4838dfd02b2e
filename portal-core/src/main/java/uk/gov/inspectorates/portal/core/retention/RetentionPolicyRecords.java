package uk.gov.inspectorates.portal.core.retention;

import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The retention policies as administrators set them, with the history of their changes (a persistence port): a
 * category nobody has changed has its default ({@link DefaultRetentionPolicies}).
 */
@PersistencePort
public interface RetentionPolicyRecords extends RetentionPolicies {

    /**
     * Makes {@code change.after()} the category's policy and records the change, in one transaction, provided the
     * policy in force is still {@code change.before()}.
     *
     * @return false (nothing changed) when someone else changed the policy in the meantime
     */
    boolean change(PolicyChange change);

    /** The category's changes, newest first. */
    List<PolicyChange> history(RetentionCategory category);
}
