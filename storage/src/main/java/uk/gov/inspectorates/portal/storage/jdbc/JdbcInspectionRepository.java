package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosure;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Inspections and their participants (V12 {@code inspection}, {@code inspection_participant}). */
public final class JdbcInspectionRepository implements InspectionRepository {

    private final Jdbc jdbc;

    public JdbcInspectionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Inspection inspection) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "insert into inspection (id, local_authority_area_id, theme, notified_on, "
                            + "lead_inspectorate, status, opened_by, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    inspection.id(), inspection.localAuthorityAreaId(), inspection.theme(), inspection.notifiedOn(),
                    inspection.leadInspectorate().name(), inspection.status().name(), inspection.openedBy(),
                    Jdbc.timestamp(inspection.openedAt()));
            for (Inspectorate participant : inspection.participants()) {
                Jdbc.update(connection, "insert into inspection_participant (inspection_id, inspectorate, "
                                + "lead_inspector) values (?, ?, ?)", inspection.id(), participant.name(),
                        inspection.leadInspectors().get(participant));
            }
            return null;
        });
    }

    @Override
    public Optional<Inspection> find(String id) {
        return load("where i.id = ?", id).stream().findFirst();
    }

    @Override
    public List<Inspection> all() {
        return load("");
    }

    @Override
    public boolean close(InspectionClosure closure) {
        return jdbc.inTransaction(connection -> {
            int changed = Jdbc.update(connection, "update inspection set status = 'CLOSED' where id = ? and status = 'OPEN'",
                    closure.inspectionId());
            if (changed == 0) {
                return false;
            }
            Jdbc.update(connection, "insert into inspection_closure (inspection_id, closed_by, closed_at) values (?, ?, ?)",
                    closure.inspectionId(), closure.closedBy(), Jdbc.timestamp(closure.closedAt()));
            return true;
        });
    }

    @Override
    public Optional<InspectionClosure> closure(String inspectionId) {
        return jdbc.withConnection(connection -> Jdbc.query(connection,
                "select * from inspection_closure where inspection_id = ?", JdbcInspectionRepository::closure,
                inspectionId)).stream().findFirst();
    }

    @Override
    public List<InspectionClosure> closures() {
        return jdbc.withConnection(connection -> Jdbc.query(connection,
                "select * from inspection_closure order by closed_at, inspection_id", JdbcInspectionRepository::closure));
    }

    private static InspectionClosure closure(ResultSet row) throws SQLException {
        return new InspectionClosure(row.getString("inspection_id"), row.getString("closed_by"),
                row.getTimestamp("closed_at").toInstant());
    }

    private record Row(String id, String area, String theme, LocalDate notifiedOn, Inspectorate lead,
                       InspectionStatus status, String openedBy, java.time.Instant openedAt) {
    }

    private record Participant(String inspectionId, Inspectorate inspectorate, String leadInspector) {
    }

    private List<Inspection> load(String where, Object... parameters) {
        return jdbc.withConnection(connection -> {
            List<Row> rows = Jdbc.query(connection, "select * from inspection i " + where
                    + " order by i.notified_on desc, i.opened_at desc, i.id", JdbcInspectionRepository::row, parameters);
            if (rows.isEmpty()) {
                return List.of();
            }
            List<Participant> participants = Jdbc.query(connection, "select * from inspection_participant "
                            + "where inspection_id = any (?)", JdbcInspectionRepository::participant,
                    (Object) rows.stream().map(Row::id).toArray(String[]::new));
            Map<String, List<Participant>> byInspection = new LinkedHashMap<>();
            participants.forEach(p -> byInspection.computeIfAbsent(p.inspectionId(), k -> new ArrayList<>()).add(p));
            return rows.stream().map(row -> inspection(row, byInspection.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    private static Inspection inspection(Row row, List<Participant> participants) {
        Set<Inspectorate> inspectorates = EnumSet.noneOf(Inspectorate.class);
        Map<Inspectorate, String> leads = new EnumMap<>(Inspectorate.class);
        for (Participant participant : participants) {
            inspectorates.add(participant.inspectorate());
            if (participant.leadInspector() != null) {
                leads.put(participant.inspectorate(), participant.leadInspector());
            }
        }
        return new Inspection(row.id(), row.area(), row.theme(), row.notifiedOn(), row.lead(), inspectorates, leads,
                row.status(), row.openedBy(), row.openedAt());
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getString("id"), row.getString("local_authority_area_id"), row.getString("theme"),
                row.getObject("notified_on", LocalDate.class), Inspectorate.valueOf(row.getString("lead_inspectorate")),
                InspectionStatus.valueOf(row.getString("status")), row.getString("opened_by"),
                Jdbc.instant(row, "opened_at"));
    }

    private static Participant participant(ResultSet row) throws SQLException {
        return new Participant(row.getString("inspection_id"), Inspectorate.valueOf(row.getString("inspectorate")),
                row.getString("lead_inspector"));
    }
}
