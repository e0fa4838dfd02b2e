package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.retention.AgedRecords;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.termplan.Term;

/** Term plan lists (every version), counted from the end of their term: the next term's first day (TERM_PLANS). */
public final class JdbcTermPlanAges implements AgedRecords {

    private static final String COLUMNS = "select id, inspectorate, academic_year, term, version from term_plan";
    private final Jdbc jdbc;

    public JdbcTermPlanAges(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.TERM_PLANS;
    }

    @Override
    public String kind() {
        return "TERM_PLAN";
    }

    @Override
    public List<Aged> all() {
        return jdbc.query(COLUMNS + " order by academic_year, term, inspectorate, version", JdbcTermPlanAges::aged);
    }

    @Override
    public Optional<Aged> find(String id) {
        return jdbc.query(COLUMNS + " where id = ?", JdbcTermPlanAges::aged, id).stream().findFirst();
    }

    /** A version never changes, so it is removed whenever asked (its areas go with it). */
    @Override
    public boolean remove(String id, Instant since) {
        return jdbc.update("delete from term_plan where id = ?", id) == 1;
    }

    private static Aged aged(ResultSet row) throws SQLException {
        Term term = new Term(row.getInt("academic_year"), Term.Season.valueOf(row.getString("term")));
        Instant ended = term.next().firstDay().atStartOfDay(WorkingDayCalendar.UK).toInstant();
        return new Aged(row.getString("id"), row.getString("inspectorate") + "'s plan for the " + term.title()
                + ", version " + row.getInt("version"), ended);
    }
}
