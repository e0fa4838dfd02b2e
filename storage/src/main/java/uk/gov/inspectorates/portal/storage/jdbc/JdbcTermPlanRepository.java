package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.termplan.Term;
import uk.gov.inspectorates.portal.core.termplan.TermPlanList;
import uk.gov.inspectorates.portal.core.termplan.TermPlanRepository;

/** {@link TermPlanRepository} on PostgreSQL: one row per version, one per area of it (migration V8). */
public final class JdbcTermPlanRepository implements TermPlanRepository {

    private static final String SELECT = "select p.id, p.inspectorate, p.academic_year, p.term, p.version, "
            + "p.shared_by, p.shared_at, a.position, a.area_id, l.name as area_name from term_plan p "
            + "join term_plan_area a on a.term_plan_id = p.id join local_authority_area l on l.id = a.area_id ";

    private final Jdbc jdbc;

    public JdbcTermPlanRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The version and its areas in one transaction; a version taken already (a concurrent share) fails it. */
    @Override
    public void add(TermPlanList plan) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "insert into term_plan (id, inspectorate, academic_year, term, version, "
                            + "classification_tier, shared_by, shared_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.id(), plan.inspectorate().name(), plan.term().startYear(), plan.term().season().name(),
                    plan.version(), plan.classification().tier().name(), plan.sharedBy(),
                    Jdbc.timestamp(plan.sharedAt()));
            for (int i = 0; i < plan.areas().size(); i++) {
                Jdbc.update(connection, "insert into term_plan_area (term_plan_id, position, area_id) "
                        + "values (?, ?, ?)", plan.id(), i, plan.areas().get(i).id());
            }
            return null;
        });
    }

    @Override
    public Optional<TermPlanList> find(String id) {
        return jdbc.withConnection(connection -> plans(connection, SELECT + "where p.id = ? order by a.position", id))
                .stream().findFirst();
    }

    @Override
    public List<TermPlanList> ofTerm(Term term) {
        return jdbc.withConnection(connection -> plans(connection, SELECT + "where p.academic_year = ? and p.term = ? "
                + "order by p.inspectorate, p.version, p.id, a.position", term.startYear(), term.season().name()));
    }

    @Override
    public int latestVersion(Inspectorate inspectorate, Term term) {
        return jdbc.query("select coalesce(max(version), 0) as latest from term_plan where inspectorate = ? "
                        + "and academic_year = ? and term = ?", row -> row.getInt("latest"), inspectorate.name(),
                term.startYear(), term.season().name()).get(0);
    }

    /** Rows of plans and their areas (ordered by plan, then position) folded into plans, in that order. */
    private static List<TermPlanList> plans(Connection connection, String sql, Object... parameters)
            throws SQLException {
        Map<String, Row> plans = new LinkedHashMap<>();
        Jdbc.query(connection, sql, row -> {
            plans.computeIfAbsent(row.getString("id"), id -> Row.of(row)).areas
                    .add(new LocalAuthorityArea(row.getString("area_id"), row.getString("area_name")));
            return null;
        }, parameters);
        List<TermPlanList> result = new ArrayList<>();
        for (Row row : plans.values()) {
            result.add(row.plan());
        }
        return result;
    }

    private record Row(String id, Inspectorate inspectorate, Term term, int version, String sharedBy,
                       java.time.Instant sharedAt, List<LocalAuthorityArea> areas) {

        static Row of(ResultSet row) {
            try {
                return new Row(row.getString("id"), Inspectorate.valueOf(row.getString("inspectorate")),
                        new Term(row.getInt("academic_year"), Term.Season.valueOf(row.getString("term"))),
                        row.getInt("version"), row.getString("shared_by"), Jdbc.instant(row, "shared_at"),
                        new ArrayList<>());
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }

        TermPlanList plan() {
            return new TermPlanList(id, inspectorate, term, version, areas, sharedBy, sharedAt);
        }
    }
}
