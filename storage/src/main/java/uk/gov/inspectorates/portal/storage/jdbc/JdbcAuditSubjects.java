package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditSubjects;

/**
 * What an audited resource belongs to, read from the tables that hold it (docs/adr/0034). Inspectorates are held as
 * codes ({@code OFSTED}); the information owners are the organisations whose {@code inspectorate} is that code. An
 * inspection removed since (its rows gone) is still known to its removal record: its lead and participants.
 * Read on the unit of work's connection, so a resource created in the same transaction is found; statements that
 * cannot fail on any id (text compared with text), since an SQL error would abort that transaction.
 *
 * <p>An inspection's information owners never change once known (its participants are written with it, and its
 * removal record names the same ones), so they are remembered: every event about an inspection or what is in it
 * would otherwise ask again. Only owners found are kept, never "none", and at most {@link #INSPECTIONS_REMEMBERED}.
 */
public final class JdbcAuditSubjects implements AuditSubjects {

    /** The inspection things whose table has an {@code inspection_id}: the resource type → its table. */
    private static final Map<String, String> IN_INSPECTION = Map.of(
            "INFORMATION_REQUEST", "information_request",
            "EVIDENCE_DOCUMENT", "evidence_document",
            "FINDINGS_LETTER_DOCUMENT", "findings_letter_document",
            "REFERRAL", "referral",
            "CHALLENGE", "inspection_challenge");

    private static final String INSPECTION_OWNERS = "select o.id from organisation o where o.inspectorate in ("
            + "select p.inspectorate from inspection_participant p where p.inspection_id = ? "
            + "union select r.lead_inspectorate from removal r where r.target_kind = 'INSPECTION' and r.target_id = ? "
            + "union select unnest(r.participants) from removal r where r.target_kind = 'INSPECTION' "
            + "and r.target_id = ?) order by o.id";

    private static final String ORGANISATION_OF_INSPECTORATE = "select o.id from organisation o "
            + "where o.inspectorate = ? order by o.id";

    /** The most inspections whose owners are remembered (the least recently asked go first). */
    static final int INSPECTIONS_REMEMBERED = 10_000;

    private final Jdbc jdbc;
    private final Map<String, Set<String>> inspectionOwners = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                    return size() > INSPECTIONS_REMEMBERED;
                }
            });

    public JdbcAuditSubjects(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Belonging of(String resourceType, String resourceId) {
        if (resourceType == null || resourceId == null) {
            return Belonging.NOTHING;
        }
        return switch (resourceType) {
            case "REPORT" -> report(resourceId);
            case "LETTER" -> letter(resourceId);
            case "INSPECTION", "FINDINGS_LETTER" -> inspection(resourceId);
            case "UPLOAD" -> upload(resourceId);
            case "REMOVAL_CERTIFICATE" -> certificate(resourceId);
            case "TERM_PLAN" -> termPlan(resourceId);
            default -> IN_INSPECTION.containsKey(resourceType) ? inInspection(resourceType, resourceId)
                    : Belonging.NOTHING;
        };
    }

    private Belonging inspection(String inspectionId) {
        Set<String> owners = inspectionOwners.get(inspectionId);
        if (owners == null) {
            owners = Set.copyOf(ids(INSPECTION_OWNERS, inspectionId, inspectionId, inspectionId));
            if (!owners.isEmpty()) {
                inspectionOwners.put(inspectionId, owners);
            }
        }
        return new Belonging(null, inspectionId, owners);
    }

    private Belonging inInspection(String resourceType, String id) {
        List<String> found = jdbc.query("select inspection_id from " + IN_INSPECTION.get(resourceType)
                + " where id = ?", row -> row.getString(1), id);
        return found.isEmpty() ? Belonging.NOTHING : inspection(found.get(0));
    }

    /** A report: its originator's; and the inspection whose findings letter it is, if it is one. */
    private Belonging report(String reportId) {
        List<Belonging> found = jdbc.query("select r.id, f.inspection_id, array(select o.id from organisation o "
                        + "where o.inspectorate = r.originator order by o.id) as owners from report r "
                        + "left join findings_letter_issue f on f.report_id = r.id where r.id = ?",
                row -> new Belonging(row.getString(1), row.getString(2), owners(row)), reportId);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        // removed since: its removal record still names whose it was
        return new Belonging(reportId, null, ids("select o.id from organisation o where o.inspectorate in ("
                + "select r.lead_inspectorate from removal r where r.target_kind = 'REPORT' and r.target_id = ?) "
                + "order by o.id", reportId));
    }

    /** A covering or advance letter: its originator's, and its report's (an advance letter may have none yet). */
    private Belonging letter(String letterId) {
        List<Belonging> found = jdbc.query("select l.report_id, f.inspection_id, array(select o.id from organisation o "
                        + "where o.inspectorate = l.originator order by o.id) as owners from report_letter l "
                        + "left join findings_letter_issue f on f.report_id = l.report_id where l.id = ?",
                row -> new Belonging(row.getString(1), row.getString(2), owners(row)), letterId);
        return found.isEmpty() ? Belonging.NOTHING : found.get(0);
    }

    /** An upload under way belongs to the key scope it is encrypted under: a report's or an inspection's. */
    private Belonging upload(String uploadId) {
        List<String[]> found = jdbc.query("select key_scope_kind, key_scope_id from resumable_upload where id = ?",
                row -> new String[] {row.getString(1), row.getString(2)}, uploadId);
        if (found.isEmpty()) {
            return Belonging.NOTHING;
        }
        String[] scope = found.get(0);
        if ("INSPECTION".equals(scope[0])) {
            return inspection(scope[1]);
        }
        Belonging report = report(scope[1]);
        // a report's scope exists before its report does: nothing is known until it is shared
        return report.informationOwners().isEmpty() ? Belonging.NOTHING : report;
    }

    private Belonging certificate(String certificateId) {
        List<String[]> found = jdbc.query("select r.target_kind, r.target_id from removal_certificate c "
                        + "join removal r on r.id = c.removal_id where c.id = ?",
                row -> new String[] {row.getString(1), row.getString(2)}, certificateId);
        if (found.isEmpty()) {
            return Belonging.NOTHING;
        }
        return "INSPECTION".equals(found.get(0)[0]) ? inspection(found.get(0)[1]) : report(found.get(0)[1]);
    }

    /** A term plan is its inspectorate's information (no report or inspection). */
    private Belonging termPlan(String planId) {
        List<String> inspectorate = jdbc.query("select inspectorate from term_plan where id = ?",
                row -> row.getString(1), planId);
        return inspectorate.isEmpty() ? Belonging.NOTHING
                : new Belonging(null, null, ids(ORGANISATION_OF_INSPECTORATE, inspectorate.get(0)));
    }

    private Set<String> ids(String sql, Object... parameters) {
        return new LinkedHashSet<>(jdbc.query(sql, row -> row.getString(1), parameters));
    }

    private static Set<String> owners(ResultSet row) throws SQLException {
        Array array = row.getArray("owners");
        Set<String> owners = new LinkedHashSet<>();
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                owners.add((String) id);
            }
        }
        return owners;
    }
}
