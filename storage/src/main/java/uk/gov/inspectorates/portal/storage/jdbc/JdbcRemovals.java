package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.removal.InspectionTally;
import uk.gov.inspectorates.portal.core.removal.RemovalRecord;
import uk.gov.inspectorates.portal.core.removal.RemovalStep;
import uk.gov.inspectorates.portal.core.removal.Removals;
import uk.gov.inspectorates.portal.core.removal.RequestTally;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;

/**
 * Removals and their steps on PostgreSQL (V22). The lock of a target is a transaction-scoped advisory lock
 * ({@code pg_try_advisory_xact_lock}) held by an open transaction on a connection of its own for as long as the work
 * runs: whichever node of a cluster takes it first works on the target, and PostgreSQL releases it when the work
 * ends, or when the process holding it dies (its connection drops), so a kill -9 never leaves a stale lock.
 */
public final class JdbcRemovals implements Removals {

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public JdbcRemovals(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean exclusively(RetentionCategory category, String targetKind, String targetId, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                boolean locked = Jdbc.query(connection, "select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                        row -> row.getBoolean(1), "removal:" + category + ":" + targetKind + ":" + targetId).get(0);
                if (locked) {
                    work.run();
                }
                return locked;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public Optional<RemovalRecord> find(RetentionCategory category, String targetKind, String targetId) {
        return jdbc.query("select * from removal where category = ? and target_kind = ? and target_id = ?",
                JdbcRemovals::record, category.name(), targetKind, targetId).stream().findFirst();
    }

    @Override
    public RemovalRecord begin(RemovalCandidate candidate, RetentionPolicy policy, String removedBy, Instant now) {
        HoldTarget hold = candidate.holdTarget();
        jdbc.update("insert into removal (id, category, target_kind, target_id, description, due_at, hold_kind, "
                        + "hold_id, step, removed_by, started_at, updated_at, policy_amount, policy_unit) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, 'STARTED', ?, ?, ?, ?, ?) "
                        + "on conflict (category, target_kind, target_id) do update set attempts = removal.attempts + 1, "
                        + "failed = false, failed_step = null, failure_class = null, updated_at = excluded.updated_at",
                "rm-" + UUID.randomUUID(), candidate.category().name(), candidate.kind(), candidate.id(),
                candidate.description(), Jdbc.timestamp(candidate.dueAt()), hold == null ? null : hold.kind().name(),
                hold == null ? null : hold.id(), removedBy, Jdbc.timestamp(now), Jdbc.timestamp(now), policy.amount(),
                policy.unit().name());
        return find(candidate.category(), candidate.kind(), candidate.id()).orElseThrow();
    }

    @Override
    public void kekDestroyed(String id, Instant destroyedAt, Instant now) {
        jdbc.update("update removal set step = 'KEK_DESTROYED', kek_destroyed_at = coalesce(kek_destroyed_at, ?), "
                + "updated_at = ? where id = ? and step = 'STARTED'", Jdbc.timestamp(destroyedAt), Jdbc.timestamp(now), id);
    }

    @Override
    public void tallied(String id, int objects, long plaintextBytes, long storedBytes, InspectionTally tally,
                        Instant now) {
        jdbc.inTransaction(connection -> {
            int updated = Jdbc.update(connection, "update removal set objects = ?, plaintext_bytes = ?, "
                            + "stored_bytes = ?, closed_at = ?, lead_inspectorate = ?, participants = ?, updated_at = ? "
                            + "where id = ? and objects is null", objects, plaintextBytes, storedBytes,
                    tally == null ? null : Jdbc.timestamp(tally.closedAt()),
                    tally == null ? null : tally.leadInspectorate().name(),
                    tally == null ? new String[0] : tally.participants().stream().map(Enum::name).sorted()
                            .toArray(String[]::new), Jdbc.timestamp(now), id);
            if (updated == 1 && tally != null) {
                for (RequestTally request : tally.requests()) {
                    Jdbc.update(connection, "insert into removal_tally (removal_id, agency_id, agency_name, request_id, "
                                    + "requested_by, documents, plaintext_bytes, stored_bytes) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            id, request.agencyId(), request.agencyName(), request.requestId(),
                            request.requestedBy().name(), request.documents(), request.plaintextBytes(),
                            request.storedBytes());
                }
                for (ExportRecord export : tally.exports()) {
                    Jdbc.update(connection, "insert into removal_export (removal_id, export_id, inspectorate, "
                                    + "exported_by, exported_at, documents, bytes, sha256) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            id, export.id(), export.inspectorate().name(), export.exportedBy(),
                            Jdbc.timestamp(export.exportedAt()), export.documents(), export.bytes(), export.sha256());
                }
            }
            return null;
        });
    }

    @Override
    public void reached(String id, RemovalStep step, boolean last, Instant now) {
        jdbc.update("update removal set step = ?, updated_at = ?, completed_at = ?, failed = false, "
                        + "failed_step = null, failure_class = null where id = ?",
                step.name(), Jdbc.timestamp(now), last ? Jdbc.timestamp(now) : null, id);
    }

    @Override
    public void failed(String id, RemovalStep atStep, String failureClass, Instant now) {
        jdbc.update("update removal set failed = true, failed_step = ?, failure_class = ?, updated_at = ? where id = ?",
                atStep.name(), failureClass, Jdbc.timestamp(now), id);
    }

    @Override
    public List<RemovalRecord> unfinished() {
        return jdbc.query("select * from removal where completed_at is null order by started_at, id",
                JdbcRemovals::record);
    }

    @Override
    public List<RemovalRecord> all() {
        return jdbc.query("select * from removal order by started_at desc, id", JdbcRemovals::record);
    }

    @Override
    public List<RequestTally> requests(String removalId) {
        return jdbc.query("select * from removal_tally where removal_id = ? order by agency_name, request_id",
                row -> new RequestTally(row.getString("request_id"),
                        Inspectorate.valueOf(row.getString("requested_by")), row.getString("agency_id"),
                        row.getString("agency_name"), row.getInt("documents"), row.getLong("plaintext_bytes"),
                        row.getLong("stored_bytes")), removalId);
    }

    @Override
    public List<ExportRecord> exports(String removalId) {
        return jdbc.query("select r.target_id, e.* from removal_export e join removal r on r.id = e.removal_id "
                        + "where e.removal_id = ? order by e.exported_at, e.export_id",
                row -> new ExportRecord(row.getString("export_id"), row.getString("target_id"),
                        Inspectorate.valueOf(row.getString("inspectorate")), row.getString("exported_by"),
                        Jdbc.instant(row, "exported_at"), row.getInt("documents"), row.getLong("bytes"),
                        row.getString("sha256")), removalId);
    }

    private static RemovalRecord record(ResultSet row) throws SQLException {
        String holdKind = row.getString("hold_kind");
        RemovalCandidate candidate = new RemovalCandidate(RetentionCategory.valueOf(row.getString("category")),
                row.getString("target_kind"), row.getString("target_id"), row.getString("description"),
                Jdbc.instant(row, "due_at"), holdKind == null ? null
                : new HoldTarget(HoldTarget.Kind.valueOf(holdKind), row.getString("hold_id")));
        String failedStep = row.getString("failed_step");
        String lead = row.getString("lead_inspectorate");
        Set<Inspectorate> participants = EnumSet.noneOf(Inspectorate.class);
        Arrays.stream((String[]) row.getArray("participants").getArray()).map(Inspectorate::valueOf)
                .forEach(participants::add);
        return new RemovalRecord(row.getString("id"), candidate, RemovalStep.valueOf(row.getString("step")),
                row.getBoolean("failed"), failedStep == null ? null : RemovalStep.valueOf(failedStep),
                row.getString("failure_class"), row.getInt("attempts"), row.getString("removed_by"),
                Jdbc.instant(row, "started_at"), Jdbc.instant(row, "updated_at"), Jdbc.instant(row, "completed_at"),
                Jdbc.instant(row, "kek_destroyed_at"), (Integer) row.getObject("objects"),
                (Long) row.getObject("plaintext_bytes"), (Long) row.getObject("stored_bytes"),
                row.getInt("policy_amount"), RetentionPolicy.DurationUnit.valueOf(row.getString("policy_unit")),
                Jdbc.instant(row, "closed_at"), lead == null ? null : Inspectorate.valueOf(lead), participants);
    }
}
