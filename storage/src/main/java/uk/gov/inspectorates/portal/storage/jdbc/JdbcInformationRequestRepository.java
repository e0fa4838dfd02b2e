package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.inspection.AnnexAItem;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Information requests (V12 {@code information_request}). */
public final class JdbcInformationRequestRepository implements InformationRequestRepository {

    private final Jdbc jdbc;

    public JdbcInformationRequestRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(InformationRequest request) {
        jdbc.update("insert into information_request (id, inspection_id, requested_by, agency_id, title, description, "
                        + "annex_a_items, beyond_annex_a, justification, due_at, requested_by_user_id, requested_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id(), request.inspectionId(), request.requestedBy().name(), request.agencyId(),
                request.title(), request.description(),
                request.items().stream().map(Enum::name).sorted().toArray(String[]::new), request.beyondAnnexA(),
                request.justification(), Jdbc.timestamp(request.dueAt()), request.requestedByUserId(),
                Jdbc.timestamp(request.requestedAt()));
    }

    @Override
    public Optional<InformationRequest> find(String inspectionId, String requestId) {
        return jdbc.query("select * from information_request where inspection_id = ? and id = ?",
                JdbcInformationRequestRepository::request, inspectionId, requestId).stream().findFirst();
    }

    @Override
    public List<InformationRequest> ofInspection(String inspectionId) {
        return jdbc.query("select * from information_request where inspection_id = ? order by due_at, requested_at, id",
                JdbcInformationRequestRepository::request, inspectionId);
    }

    @Override
    public List<InformationRequest> all() {
        return jdbc.query("select * from information_request order by due_at, requested_at, id",
                JdbcInformationRequestRepository::request);
    }

    private static InformationRequest request(ResultSet row) throws SQLException {
        Set<AnnexAItem> items = EnumSet.noneOf(AnnexAItem.class);
        JdbcOrganisationDirectory.texts(row.getArray("annex_a_items")).forEach(item -> items.add(AnnexAItem.valueOf(item)));
        return new InformationRequest(row.getString("id"), row.getString("inspection_id"),
                Inspectorate.valueOf(row.getString("requested_by")), row.getString("agency_id"),
                row.getString("title"), row.getString("description"), items, row.getString("beyond_annex_a"),
                row.getString("justification"), Jdbc.instant(row, "due_at"), row.getString("requested_by_user_id"),
                Jdbc.instant(row, "requested_at"));
    }
}
