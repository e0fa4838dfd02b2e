package uk.gov.inspectorates.portal.auditverifier;

/**
 * What a {@link ChainCheck} found: whether the events are intact, how many it checked (full and redacted), the last
 * signed checkpoint it reached, how many intact events follow that checkpoint (checked but not covered by a
 * signature), the last seq, and the first broken seq with what was wrong.
 */
public record ChainResult(boolean intact, long eventsChecked, long fullEvents, long redactedEvents,
                          Checkpoint checkpointReached, long eventsAfterCheckpoint, Long lastSeq, Long firstBrokenSeq,
                          String problem) {

    /** Intact, and every event up to the last is covered by a signed checkpoint. */
    public boolean intactAndCovered() {
        return intact && checkpointReached != null && eventsAfterCheckpoint == 0 && eventsChecked > 0;
    }

    /** A few lines for a person (the command-line tool prints them). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Events checked: ").append(eventsChecked).append(" (").append(fullEvents).append(" full, ")
                .append(redactedEvents).append(" redacted)");
        if (lastSeq != null) {
            text.append(", up to seq ").append(lastSeq);
        }
        text.append('\n');
        if (checkpointReached != null) {
            text.append("Signed checkpoint reached: seq ").append(checkpointReached.seq()).append(" at ")
                    .append(checkpointReached.at()).append(" (key ").append(checkpointReached.keyId()).append(")\n");
        } else {
            text.append("Signed checkpoint reached: none\n");
        }
        if (!intact) {
            text.append("Result: BROKEN at seq ").append(firstBrokenSeq).append(": ").append(problem).append('\n');
        } else if (!intactAndCovered()) {
            text.append("Result: NOT COVERED: ").append(eventsChecked == 0 ? "no events"
                    : eventsAfterCheckpoint + " event(s) after the last signed checkpoint").append('\n');
        } else {
            text.append("Result: INTACT: every event is covered by the signed checkpoint\n");
        }
        return text.toString();
    }
}
