package uk.gov.inspectorates.portal.core.retention;

import java.util.EnumMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;

/**
 * The policies in force before any administrator changes one (documented in the retention table in docs/using-the-portal.md). Provisional
 * values for issue 17's contract: the retention work owns and may revise them, with their reasons, in its ADR.
 */
public final class DefaultRetentionPolicies implements RetentionPolicies {

    private static final Map<RetentionCategory, RetentionPolicy> DEFAULTS = new EnumMap<>(RetentionCategory.class);

    static {
        put(RetentionCategory.JTAI_AFTER_CLOSURE, 20, DurationUnit.WORKING_DAYS, EndAction.REMOVE,
                "Ofsted (lead inspectorate of every JTAI)");
        put(RetentionCategory.PUBLISHED_REPORT_COPIES, 30, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE,
                "the originating inspectorate's SIRO");
        put(RetentionCategory.WITHDRAWN_REPORTS, 90, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW,
                "the originating inspectorate's SIRO");
        put(RetentionCategory.LETTERS, 90, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW,
                "the sending inspectorate's SIRO");
        put(RetentionCategory.SHARE_DRAFTS, 30, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE,
                "the inspectorate's administrator");
        put(RetentionCategory.TERM_PLANS, 365, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE,
                "the inspectorate's administrator");
        put(RetentionCategory.RESUMABLE_UPLOADS, 1, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE,
                "the portal's operators");
        put(RetentionCategory.NOTIFICATION_OUTBOX, 30, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE,
                "the portal's operators");
        put(RetentionCategory.AUDIT_EVENTS, 2557, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW,
                "each party's SIRO");
        put(RetentionCategory.UNUSED_ACCOUNTS, 180, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW,
                "each organisation's administrator");
    }

    private static void put(RetentionCategory category, int amount, DurationUnit unit, EndAction action,
                            String owner) {
        DEFAULTS.put(category, new RetentionPolicy(category, amount, unit, action, owner));
    }

    public static RetentionPolicy defaultFor(RetentionCategory category) {
        return DEFAULTS.get(category);
    }

    @Override
    public RetentionPolicy current(RetentionCategory category) {
        return defaultFor(category);
    }
}
