package uk.gov.inspectorates.portal.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outbox's storage in memory, with the claim rules of the real one (JdbcNotificationOutboxTest checks those). */
final class InMemoryOutbox implements OutboxMessages {

    static final class Row {
        final long seq;
        OutgoingMessage message;
        int attempts;
        Instant nextAttemptAt;
        Instant claimedUntil;
        Instant sentAt;
        Instant givenUpAt;
        String lastFailure;

        Row(long seq, OutgoingMessage message, Instant at) {
            this.seq = seq;
            this.message = message;
            this.nextAttemptAt = at;
        }
    }

    final Map<Long, Row> rows = new LinkedHashMap<>();
    final Set<String> onceKeys = new HashSet<>();
    private long next = 1;

    @Override
    public void add(List<OutgoingMessage> messages, Instant at) {
        messages.forEach(message -> {
            rows.put(next, new Row(next, message, at));
            next++;
        });
    }

    @Override
    public boolean addOnce(String onceKey, List<OutgoingMessage> messages, Instant at) {
        if (!onceKeys.add(onceKey)) {
            return false;
        }
        add(messages, at);
        return true;
    }

    @Override
    public List<Pending> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Pending> claimed = new ArrayList<>();
        for (Row row : rows.values()) {
            if (claimed.size() == limit) {
                break;
            }
            if (row.sentAt == null && row.givenUpAt == null && !row.nextAttemptAt.isAfter(now)
                    && (row.claimedUntil == null || !row.claimedUntil.isAfter(now))) {
                row.claimedUntil = leaseUntil;
                claimed.add(new Pending(row.seq, row.message, row.attempts));
            }
        }
        return claimed;
    }

    @Override
    public void sent(long seq, int attempts, Instant at) {
        Row row = rows.get(seq);
        row.attempts = attempts;
        row.sentAt = at;
        row.claimedUntil = null;
    }

    @Override
    public void retryLater(long seq, int attempts, Instant nextAttemptAt, String failure) {
        Row row = rows.get(seq);
        row.attempts = attempts;
        row.nextAttemptAt = nextAttemptAt;
        row.lastFailure = failure;
        row.claimedUntil = null;
    }

    @Override
    public void givenUp(long seq, int attempts, Instant at, String failure) {
        Row row = rows.get(seq);
        row.attempts = attempts;
        row.givenUpAt = at;
        row.lastFailure = failure;
        row.claimedUntil = null;
    }

    @Override
    public void forgetLink(long seq) {
        Row row = rows.get(seq);
        row.message = new OutgoingMessage(row.message.kind(), row.message.recipient(), row.message.subject(), "", "");
    }

    List<OutgoingMessage> messages() {
        return rows.values().stream().map(row -> row.message).toList();
    }
}
