package uk.gov.inspectorates.portal.web.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;

/**
 * This instance's counters since it started (docs/adr/0047), fed by the audit trail: every event counted by action and
 * outcome, uploads and downloads by outcome, refusals by the id of the rule that refused. Labels are action names,
 * outcomes and rule ids only: an event's detail becomes a label only when it is a rule id, so no name, address or file
 * name reaches the metrics.
 */
public final class PortalMetrics {

    /** The actions that take a document in. */
    static final Set<String> UPLOADS = Set.of(AuditActions.REPORT_SHARE, AuditActions.LETTER_ADD,
            AuditActions.EVIDENCE_UPLOAD, AuditActions.FINDINGS_LETTER_UPLOAD);

    /** A rule id: dotted lower-case words, e.g. {@code report.embargo.reader-lists-only}. */
    private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> uploads = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> downloads = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    public void count(AuditEvent event) {
        String outcome = event.outcome().name();
        add(events, event.action() + "\t" + outcome);
        if (UPLOADS.contains(event.action())) {
            add(uploads, outcome);
        }
        if (AuditActions.SERVES_CONTENT.contains(event.action())) {
            add(downloads, outcome);
        }
        if (event.outcome() != AuditEvent.Outcome.SUCCEEDED) {
            add(refusals, ruleOf(event.detail()));
        }
    }

    static String ruleOf(String detail) {
        return detail != null && RULE.matcher(detail).matches() ? detail : "other";
    }

    /** Action and outcome, separated by a tab, to count. */
    Map<String, Long> events() {
        return snapshot(events);
    }

    Map<String, Long> uploads() {
        return snapshot(uploads);
    }

    Map<String, Long> downloads() {
        return snapshot(downloads);
    }

    Map<String, Long> refusals() {
        return snapshot(refusals);
    }

    private static void add(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
