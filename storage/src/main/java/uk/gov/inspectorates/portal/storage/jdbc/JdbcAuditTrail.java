package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEventFields;
import uk.gov.inspectorates.portal.core.audit.AuditHistory;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;

/**
 * Appends audit events to PostgreSQL in a hash chain (version 2, audit-verifier's {@link AuditChain}): each event's
 * content digest over its fields and seq, linked to its predecessor's hash, so that a changed, removed, inserted or
 * reordered row breaks the chain (docs/adr/0031, 0032).
 *
 * <p>Within a unit of work ({@link JdbcUnitOfWork}) an event is appended at the end of the unit, just before it
 * commits: the event and the action it records are committed together or not at all, and the chain's lock is held
 * only for the appends and the commit. A refusal (outcome DENIED or REFUSED) is appended at once in a transaction of
 * its own: it happened even when the unit then fails (the gate throws right after recording it). Outside a unit an
 * event is appended at once in its own transaction.
 */
public final class JdbcAuditTrail implements AuditTrail, AuditHistory {

    /** Serialises appends so that the chain stays a single line even with concurrent writers. */
    private static final long CHAIN_LOCK = 0x41554449544c4fL;

    /** The chain version of every event written now (V24 re-chained the older ones). */
    static final int CHAIN_VERSION = 2;

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public JdbcAuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(AuditEvent given) {
        AuditEvent event = withMicrosecondTime(given);
        if (event.outcome() != AuditEvent.Outcome.SUCCEEDED) {
            appendAlone(event);
        } else if (!JdbcUnitOfWork.beforeCommit(dataSource, connection -> append(connection, event))) {
            jdbc.inTransaction(connection -> {
                append(connection, event);
                return null;
            });
        }
    }

    /** On a connection of its own, never the unit of work's: a refusal stays recorded whatever the unit does. */
    private void appendAlone(AuditEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                append(connection, event);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Appends under the chain's lock, which the transaction holds until it ends. */
    private static void append(Connection connection, AuditEvent event) throws SQLException {
        Jdbc.query(connection, "select pg_advisory_xact_lock(?)", row -> null, CHAIN_LOCK);
        byte[] previous = Jdbc.query(connection, "select hash from audit_event order by seq desc limit 1",
                row -> row.getBytes("hash")).stream().findFirst().orElse(null);
        // taken under the lock, so that seq order is chain order (a rolled-back append leaves a gap in seq only)
        long seq = Jdbc.query(connection, "select nextval(pg_get_serial_sequence('audit_event', 'seq'))",
                row -> row.getLong(1)).get(0);
        byte[] contentDigest = AuditEventFields.contentDigest(seq, event);
        Jdbc.update(connection, "insert into audit_event (seq, at, actor_id, actor_organisation_id, action, "
                        + "resource_type, resource_id, outcome, detail, previous_hash, hash, actor_roles, "
                        + "report_id, inspection_id, information_owners, download_id, client_address, "
                        + "user_agent, chain_version, content_digest) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, Jdbc.timestamp(event.at()), event.actorId(), event.actorOrganisationId(), event.action(),
                event.resourceType(), event.resourceId(), event.outcome().name(), event.detail(), previous,
                AuditChain.link(previous, contentDigest), event.actorRoles(), event.reportId(),
                event.inspectionId(), event.informationOwners().toArray(String[]::new), event.downloadId(),
                event.clientAddress(), event.userAgent(), (short) CHAIN_VERSION, contentDigest);
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return jdbc.query("select * from audit_event order by seq desc limit ?", JdbcAuditTrail::event, limit);
    }

    @Override
    public List<AuditEvent> about(String resourceType, Collection<String> resourceIds, Instant until) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from audit_event where resource_type = ? and resource_id = any (?) and at < ? "
                        + "order by seq", JdbcAuditTrail::event, resourceType, resourceIds.toArray(String[]::new),
                Jdbc.timestamp(until));
    }

    private static AuditEvent withMicrosecondTime(AuditEvent event) {
        return event.withAt(event.at().truncatedTo(ChronoUnit.MICROS));
    }

    /** The event a row holds (as {@link AuditEventFields} takes it for the chain). */
    public static AuditEvent event(ResultSet row) throws SQLException {
        return AuditEventRows.event(row, AuditEventRows.STORED);
    }
}
