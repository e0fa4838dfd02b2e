package uk.gov.inspectorates.portal.core.audit;

import java.security.PublicKey;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import uk.gov.inspectorates.portal.auditverifier.ChainCheck;
import uk.gov.inspectorates.portal.auditverifier.ChainResult;
import uk.gov.inspectorates.portal.auditverifier.Checkpoint;
import uk.gov.inspectorates.portal.auditverifier.SigningKeys;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The portal's own verifier (docs/adr/0031): the whole trail from its first event, streamed, through the same
 * {@link ChainCheck} the offline tool uses, against the checkpoints in the database; and the checkpoints in the
 * database against their write-once copies in the archive (one missing from either side, or differing, is
 * tampering). Events older than chain version 2 are checked by their version 1 hash, and only before the first
 * version 2 event.
 */
public final class ChainVerification implements AuditVerifier {

    private static final int PAGE = 500;

    /** The verification, and how many intact events follow the last checkpoint (checked, not yet signed). */
    public record Report(AuditVerification verification, long eventsNotCovered, String archiveProtection) {
    }

    private final AuditChainReader chain;
    private final AuditCheckpoints checkpoints;
    private final CheckpointArchive archive;
    private final PublicKey key;
    private final UnitOfWork unitOfWork;

    public ChainVerification(AuditChainReader chain, AuditCheckpoints checkpoints, CheckpointArchive archive,
                             CheckpointSigner signer, UnitOfWork unitOfWork) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.key = SigningKeys.fromPem(signer.verificationKeyPem());
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public AuditVerification verify() {
        return report().verification();
    }

    public Report report() {
        // both copies compared while no checkpoint is being written (the writers' lock), up to the latest one
        long[] bound = {Long.MIN_VALUE};
        Problem archived = unitOfWork.inOne(() -> {
            checkpoints.lockForWriting();
            bound[0] = checkpoints.latest().map(AuditCheckpoint::seq).orElse(Long.MIN_VALUE);
            return compareWithArchive(bound[0]);
        });
        Optional<StoredAuditEvent> head = chain.head();
        ChainResult result = checkChain(head.map(StoredAuditEvent::seq).orElse(null), bound[0]);
        Problem chained = result.intact() ? null : new Problem(result.firstBrokenSeq(), result.problem());
        Problem first = archived == null ? chained
                : chained == null || archived.seq() <= chained.seq() ? archived : chained;
        Checkpoint reached = result.checkpointReached();
        if (reached != null && first != null && reached.seq() >= first.seq()) {
            reached = null;
        }
        AuditVerification verification = new AuditVerification(first == null, result.eventsChecked(),
                reached == null ? null : reached.seq(), reached == null ? null : reached.at(),
                first == null ? null : first.seq(), first == null ? null : first.what());
        return new Report(verification, first == null ? result.eventsAfterCheckpoint() : 0, archive.protection());
    }

    private record Problem(long seq, String what) {
    }

    private ChainResult checkChain(Long headSeq, long bound) {
        ChainCheck check = new ChainCheck(key, new Pages(bound), true);
        if (headSeq == null) {
            return check.finish();
        }
        chain.inOrder(Long.MIN_VALUE, headSeq, stored -> {
            if (!check.broken()) {
                check.accept(ChainRows.full(stored));
            }
        });
        return check.finish();
    }

    /** The first difference between the database's checkpoints and the archive's, by seq; null when they agree. */
    private Problem compareWithArchive(long bound) {
        SortedSet<Long> kept = new TreeSet<>(archive.seqs());
        Problem first = null;
        for (Pages pages = new Pages(bound); pages.hasNext(); ) {
            AuditCheckpoint stored = pages.nextStored();
            if (!kept.remove(stored.seq())) {
                first = earlier(first, new Problem(stored.seq(), "the checkpoint at seq " + stored.seq()
                        + " is in the database but not in the write-once archive"));
                continue;
            }
            Optional<AuditCheckpoint> copy = archive.find(stored.seq());
            if (copy.isEmpty() || !ChainRows.same(stored, copy.get())) {
                first = earlier(first, new Problem(stored.seq(), "the checkpoint at seq " + stored.seq()
                        + " differs from its write-once copy in the archive"));
            }
        }
        for (long seq : kept) {
            first = earlier(first, new Problem(seq, "the checkpoint at seq " + seq
                    + " is in the write-once archive but not in the database: it was deleted"));
        }
        return first;
    }

    private static Problem earlier(Problem one, Problem other) {
        return one == null || other.seq() < one.seq() ? other : one;
    }

    /** The database's checkpoints up to the bound, a page at a time. */
    private final class Pages implements Iterator<Checkpoint> {
        private final long bound;
        private List<AuditCheckpoint> page = List.of();
        private int index;
        private long after = Long.MIN_VALUE;
        private boolean done;

        Pages(long bound) {
            this.bound = bound;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return page.get(index).seq() <= bound;
            }
            if (done) {
                return false;
            }
            page = checkpoints.after(after, PAGE);
            index = 0;
            done = page.size() < PAGE;
            return !page.isEmpty() && page.get(0).seq() <= bound;
        }

        AuditCheckpoint nextStored() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditCheckpoint next = page.get(index++);
            after = next.seq();
            return next;
        }

        @Override
        public Checkpoint next() {
            return ChainRows.checkpoint(nextStored());
        }
    }
}
