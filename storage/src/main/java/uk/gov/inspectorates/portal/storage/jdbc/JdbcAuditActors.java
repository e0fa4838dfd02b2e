package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditActors;

/** A person's organisation and roles (sorted, joined by ','), read from {@code user_account}. */
public final class JdbcAuditActors implements AuditActors {

    private final Jdbc jdbc;

    public JdbcAuditActors(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Actor> of(String userId) {
        List<Actor> found = jdbc.query("select organisation_id, array_to_string(array(select r from unnest(roles) r "
                + "order by r), ',') as roles from user_account where id = ?",
                row -> new Actor(row.getString("organisation_id"), row.getString("roles")), userId);
        return found.stream().findFirst();
    }
}
