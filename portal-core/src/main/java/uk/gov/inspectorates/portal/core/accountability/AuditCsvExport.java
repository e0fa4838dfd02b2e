package uk.gov.inspectorates.portal.core.accountability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.auditverifier.AuditCsv;
import uk.gov.inspectorates.portal.auditverifier.ChainRow;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditChainReader;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoint;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoints;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.audit.ChainRows;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;

/**
 * A SIRO's CSV export of the trail (docs/adr/0031; format: audit-verifier's {@link AuditCsv}). It covers the seqs from
 * the first event that meets the criteria in the SIRO's scope up to a checkpoint taken for it: those events in full,
 * every other event in the range redacted (seq and hashes only), so the offline tool verifies the run unbroken up to
 * the signed checkpoint, which is in the file with the others in the range. Streamed, a record at a time; audited
 * (AUDIT_EXPORT) with the criteria and the counts once written. The criteria's paging is ignored.
 */
public final class AuditCsvExport {

    private static final int CHECKPOINT_PAGE = 500;

    /** What was written. */
    public record Written(long fullEvents, long redactedEvents, Long firstSeq, Long checkpointSeq) {
    }

    /** An export the SIRO may take, ready to stream (the covering checkpoint taken). */
    public final class Prepared {
        private final Subject subject;
        private final AuditQuery criteria;
        private final AuditScope scope;
        private final Optional<AuditCheckpoint> covering;

        private Prepared(Subject subject, AuditQuery criteria, AuditScope scope, Optional<AuditCheckpoint> covering) {
            this.subject = subject;
            this.criteria = criteria;
            this.scope = scope;
            this.covering = covering;
        }

        /** Writes the export; audited once written, or once interrupted (with what had been written by then). */
        public Written writeTo(Writer out) throws IOException {
            long[] counts = new long[2];
            Long[] first = {null};
            boolean finished = false;
            try {
                AuditCsv.ExportWriter writer = new AuditCsv.ExportWriter(out);
                writer.header();
                if (covering.isPresent()) {
                    try {
                        chain.inOrder(Long.MIN_VALUE, covering.get().seq(), stored -> {
                            boolean wanted = scope.covers(stored.event()) && criteria.matches(stored.event());
                            if (first[0] == null) {
                                if (!wanted) {
                                    return;
                                }
                                first[0] = stored.seq();
                            }
                            write(writer, stored, wanted, counts);
                        });
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                    if (first[0] != null) {
                        writeCheckpoints(writer, first[0], covering.get().seq());
                    }
                }
                out.flush();
                finished = true;
            } finally {
                gate.record(subject, SiroTrail.act(AuditActions.AUDIT_EXPORT, subject), Outcome.SUCCEEDED,
                        (finished ? "CSV export" : "CSV export INTERRUPTED (the connection failed part-way)")
                                + "; criteria: " + describe(criteria) + "; " + counts[0] + " events in full, "
                                + counts[1] + " redacted"
                                + (first[0] == null ? "; nothing matched"
                                    : "; seq " + first[0] + " to checkpoint at seq " + covering.get().seq()));
            }
            return new Written(counts[0], counts[1], first[0], first[0] == null ? null : covering.get().seq());
        }
    }

    private final PolicyGate gate;
    private final AuditChainReader chain;
    private final AuditCheckpoints checkpoints;
    private final AuditCheckpointing checkpointing;

    public AuditCsvExport(PolicyGate gate, AuditChainReader chain, AuditCheckpoints checkpoints,
                          AuditCheckpointing checkpointing) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.checkpointing = Objects.requireNonNull(checkpointing, "checkpointing");
    }

    /** Admits the SIRO (403 naming the rule otherwise, audited) and takes the checkpoint the export will end at. */
    public Prepared prepare(Subject subject, AuditQuery criteria) {
        gate.require(subject, Action.EXPORT, SiroTrail.of(subject),
                SiroTrail.act(AuditActions.AUDIT_EXPORT, subject));
        AuditScope scope = SiroTrail.scope(subject);
        return new Prepared(subject, criteria, scope, checkpointing.atHead());
    }

    private static void write(AuditCsv.ExportWriter writer, StoredAuditEvent stored, boolean full, long[] counts) {
        ChainRow row = ChainRows.full(stored);
        try {
            writer.row(full ? row : row.redact());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts[full ? 0 : 1]++;
    }

    /** The checkpoints from {@code fromSeq} to {@code toSeq}, a page at a time. */
    private void writeCheckpoints(AuditCsv.ExportWriter writer, long fromSeq, long toSeq) throws IOException {
        long after = fromSeq - 1;
        while (true) {
            List<AuditCheckpoint> page = checkpoints.after(after, CHECKPOINT_PAGE);
            for (AuditCheckpoint checkpoint : page) {
                if (checkpoint.seq() > toSeq) {
                    return;
                }
                writer.checkpoint(ChainRows.checkpoint(checkpoint));
                after = checkpoint.seq();
            }
            if (page.size() < CHECKPOINT_PAGE) {
                return;
            }
        }
    }

    static String describe(AuditQuery query) {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", query.actorId());
        add(parts, "organisation", query.organisationId());
        add(parts, "report", query.reportId());
        add(parts, "inspection", query.inspectionId());
        add(parts, "action", query.action());
        add(parts, "outcome", query.outcome() == null ? null : query.outcome().name());
        add(parts, "from", query.from() == null ? null : query.from().toString());
        add(parts, "to", query.to() == null ? null : query.to().toString());
        add(parts, "download", query.downloadId());
        return parts.isEmpty() ? "none (everything in scope)" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
