package uk.gov.inspectorates.portal.core.retention;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;

/**
 * The shortest retention each category may be given, and why (docs/adr/0029 lists them with their sources): a policy
 * shorter than its minimum is refused naming the minimum's rule. Categories without an entry may be 0 days.
 *
 * <p>Minimums in working days are compared with a policy in calendar days conservatively: {@code w} working days are
 * taken as {@code ceil(w * 7 / 5) + 4} calendar days (the weekends, and up to four bank holidays in a row, as at
 * Easter and Christmas); a minimum in calendar days {@code c} needs {@code ceil(c * 5 / 7)} working days.
 */
public final class RetentionMinimums {

    /** One minimum: its amount and unit, the rule a refusal names, and where it comes from. */
    public record Minimum(RetentionCategory category, int amount, DurationUnit unit, String rule, String source) {

        /** Whether {@code policy}'s period is at least this minimum, whatever day it starts. */
        public boolean satisfiedBy(RetentionPolicy policy) {
            if (policy.unit() == unit) {
                return policy.amount() >= amount;
            }
            if (unit == DurationUnit.WORKING_DAYS) {
                return policy.amount() >= ceilDiv(amount * 7, 5) + 4;
            }
            return policy.amount() >= ceilDiv(amount * 5, 7);
        }

        public String describe() {
            return amount + (unit == DurationUnit.WORKING_DAYS ? " working days" : " calendar days");
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }

    public static final String PUBLISHED_COPIES_CHALLENGE_WINDOW = "retention.minimum.published-report-challenge-window";
    public static final String SHARE_DRAFT_WORKING_DAY = "retention.minimum.share-draft-one-day";
    public static final String RESUMABLE_UPLOAD_RESUME_NEXT_DAY = "retention.minimum.resumable-upload-one-day";
    public static final String AUDIT_SIX_YEARS = "retention.minimum.audit-events-six-years";
    public static final String UNUSED_ACCOUNT_FOUR_WEEKS = "retention.minimum.unused-account-four-weeks";
    /** Audit events are only reviewed until signed checkpoints (issue 18) make pruning verifiable. */
    public static final String AUDIT_REVIEW_ONLY = "retention.audit-events.review-only";

    private static final Map<RetentionCategory, Minimum> MINIMUMS = new EnumMap<>(RetentionCategory.class);

    static {
        add(RetentionCategory.PUBLISHED_REPORT_COPIES, 10, DurationUnit.WORKING_DAYS, PUBLISHED_COPIES_CHALLENGE_WINDOW,
                "JTAI framework Annex D: the area may challenge or complain up to 10 working days after publication");
        add(RetentionCategory.SHARE_DRAFTS, 1, DurationUnit.CALENDAR_DAYS, SHARE_DRAFT_WORKING_DAY,
                "portal: a draft being typed must not go before its author's day is over");
        add(RetentionCategory.RESUMABLE_UPLOADS, 1, DurationUnit.CALENDAR_DAYS, RESUMABLE_UPLOAD_RESUME_NEXT_DAY,
                "portal (docs/adr/0009): an interrupted upload can be resumed the next day");
        add(RetentionCategory.AUDIT_EVENTS, 2192, DurationUnit.CALENDAR_DAYS, AUDIT_SIX_YEARS,
                "portal: six years, the limitation period for most claims (Limitation Act 1980 ss. 2 and 5)");
        add(RetentionCategory.UNUSED_ACCOUNTS, 28, DurationUnit.CALENDAR_DAYS, UNUSED_ACCOUNT_FOUR_WEEKS,
                "portal: a new account must not be deactivated before its holder has had four weeks to sign in");
    }

    private RetentionMinimums() {
    }

    private static void add(RetentionCategory category, int amount, DurationUnit unit, String rule, String source) {
        MINIMUMS.put(category, new Minimum(category, amount, unit, rule, source));
    }

    public static Optional<Minimum> of(RetentionCategory category) {
        return Optional.ofNullable(MINIMUMS.get(category));
    }

    /** The end actions a category allows: audit events are reviewed, never removed automatically (yet). */
    public static boolean allows(RetentionCategory category, EndAction action) {
        return category != RetentionCategory.AUDIT_EVENTS || action == EndAction.REVIEW;
    }
}
