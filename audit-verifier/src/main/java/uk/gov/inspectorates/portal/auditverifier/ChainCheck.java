package uk.gov.inspectorates.portal.auditverifier;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

/**
 * Checks a run of events, fed in seq order one at a time (so a million events need no more memory than one), against
 * the chain's definition and the signed checkpoints (given in seq order up front):
 * <ul>
 *   <li>seq strictly increases (the trail may skip numbers, never go back);</li>
 *   <li>each event's previous hash is the hash of the event before it (the first event's is taken as given, or must
 *       be empty when the run starts at the trail's beginning);</li>
 *   <li>a full event's content digest is recomputed from its fields, and every event's hash is the link of its
 *       previous hash and content digest;</li>
 *   <li>every checkpoint whose seq falls in the run is signed by the given key, names that key, and its head is the
 *       hash of the event at its seq; a checkpoint past the last event means the tail was cut off.</li>
 * </ul>
 * The first problem stops the check: the result names its seq and what was wrong, and the last checkpoint reached
 * before it. Events after the last checkpoint are checked but not covered by a signature.
 */
public final class ChainCheck {

    private final PublicKey key;
    private final Iterator<Checkpoint> checkpoints;
    private final boolean fromTheBeginning;

    private Checkpoint pending;
    private Checkpoint reached;
    private long eventsChecked;
    private long full;
    private long redacted;
    private long afterCheckpoint;
    private Long lastSeq;
    private byte[] lastHash;
    private Long brokenSeq;
    private String problem;
    private boolean finished;

    /**
     * @param fromTheBeginning the run starts at the trail's first event, whose previous hash must be empty (the
     *                         portal's own check); false for an export, which starts where the SIRO's events start
     */
    public ChainCheck(PublicKey key, Iterator<Checkpoint> checkpoints, boolean fromTheBeginning) {
        this.key = Objects.requireNonNull(key, "key");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.fromTheBeginning = fromTheBeginning;
        this.pending = checkpoints.hasNext() ? checkpoints.next() : null;
    }

    /** Whether a problem was found (further rows are ignored). */
    public boolean broken() {
        return problem != null;
    }

    public void accept(ChainRow row) {
        if (finished) {
            throw new IllegalStateException("the check has finished");
        }
        if (problem != null) {
            return;
        }
        if (lastSeq == null) {
            // checkpoints before the run (an export's range starts after them) are not this run's
            while (pending != null && pending.seq() < row.seq() && !fromTheBeginning) {
                nextCheckpoint();
            }
        } else if (row.seq() <= lastSeq) {
            fail(row.seq(), "seq " + row.seq() + " follows seq " + lastSeq + ": events were reordered or inserted");
            return;
        }
        if (lastSeq == null) {
            if (fromTheBeginning && row.previousHash() != null) {
                fail(row.seq(), "the first event has a previous hash: events before it were deleted");
                return;
            }
        } else if (!Arrays.equals(row.previousHash(), lastHash)) {
            fail(row.seq(), "its previous hash is not the hash of seq " + lastSeq
                    + ": an event was deleted, inserted or moved here");
            return;
        }
        if (pending != null && pending.seq() < row.seq()) {
            fail(pending.seq(), "the checkpoint at seq " + pending.seq() + " names an event that is not in the chain"
                    + " (deleted, or the checkpoint was forged)");
            return;
        }
        switch (row.kind()) {
            case FULL -> {
                byte[] digest = AuditChain.contentDigest(row.fields());
                if (!Arrays.equals(digest, row.contentDigest())) {
                    fail(row.seq(), "its fields do not match its content digest: the event was edited");
                    return;
                }
                if (!Arrays.equals(AuditChain.link(row.previousHash(), digest), row.hash())) {
                    fail(row.seq(), "its hash is not the link of its previous hash and its fields: the event was "
                            + "edited");
                    return;
                }
                full++;
            }
            case REDACTED -> {
                if (!Arrays.equals(AuditChain.link(row.previousHash(), row.contentDigest()), row.hash())) {
                    fail(row.seq(), "its hash is not the link of its previous hash and content digest");
                    return;
                }
                redacted++;
            }
        }
        eventsChecked++;
        afterCheckpoint++;
        lastSeq = row.seq();
        lastHash = row.hash();
        if (pending != null && pending.seq() == row.seq()) {
            checkCheckpoint(row);
        }
    }

    private void checkCheckpoint(ChainRow row) {
        Checkpoint checkpoint = pending;
        if (!SigningKeys.verifies(key, checkpoint)) {
            fail(row.seq(), "the checkpoint at seq " + row.seq() + " is not signed by the audit signing key "
                    + SigningKeys.keyId(key) + " (replaced, altered or re-signed with another key)");
            return;
        }
        if (!Arrays.equals(checkpoint.head(), row.hash())) {
            fail(row.seq(), "the chain's hash at seq " + row.seq() + " is not the signed head of its checkpoint: "
                    + "the events up to it were changed");
            return;
        }
        if (reached != null && checkpoint.at().isBefore(reached.at())) {
            fail(row.seq(), "the checkpoint at seq " + row.seq() + " is older than the one before it");
            return;
        }
        reached = checkpoint;
        afterCheckpoint = 0;
        nextCheckpoint();
    }

    private void nextCheckpoint() {
        Checkpoint next = checkpoints.hasNext() ? checkpoints.next() : null;
        if (next != null && pending != null && next.seq() <= pending.seq()) {
            fail(next.seq(), "checkpoints are not in seq order (or one is repeated)");
            pending = null;
            return;
        }
        pending = next;
    }

    private void fail(long seq, String what) {
        if (problem == null) {
            brokenSeq = seq;
            problem = what;
        }
    }

    /** Ends the run: a checkpoint left past the last event means the tail was cut off. */
    public ChainResult finish() {
        finished = true;
        if (problem == null && pending != null) {
            long at = lastSeq == null ? pending.seq() : lastSeq + 1;
            fail(at, "the checkpoint at seq " + pending.seq() + " lies past the last event"
                    + (lastSeq == null ? "" : " (seq " + lastSeq + ")") + ": the trail's tail was cut off");
        }
        return new ChainResult(problem == null, eventsChecked, full, redacted, reached,
                problem == null ? afterCheckpoint : 0, lastSeq, brokenSeq, problem);
    }
}
