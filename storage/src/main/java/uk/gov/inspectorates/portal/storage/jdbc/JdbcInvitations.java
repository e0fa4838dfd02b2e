package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.Invitation;
import uk.gov.inspectorates.portal.core.account.Invitations;
import uk.gov.inspectorates.portal.core.organisation.Role;

public final class JdbcInvitations implements Invitations {

    private final Jdbc jdbc;

    public JdbcInvitations(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(Invitation invitation) {
        jdbc.update("insert into invitation (id, token_hash, display_name, email, organisation_id, roles, invited_by, "
                        + "created_at, expires_at, accepted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                invitation.id(), invitation.tokenHash(), invitation.displayName(), invitation.email(),
                invitation.organisationId(), invitation.roles().stream().map(Enum::name).sorted().toArray(String[]::new),
                invitation.invitedBy(), Jdbc.timestamp(invitation.createdAt()), Jdbc.timestamp(invitation.expiresAt()),
                Jdbc.timestamp(invitation.acceptedAt()));
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return jdbc.query("select * from invitation where token_hash = ?", JdbcInvitations::invitation, tokenHash)
                .stream().findFirst();
    }

    @Override
    public List<Invitation> pending(String organisationId, Instant now) {
        return jdbc.query("select * from invitation where accepted_at is null and expires_at > ? "
                        + "and (?::text is null or organisation_id = ?) order by created_at desc",
                JdbcInvitations::invitation, Jdbc.timestamp(now), organisationId, organisationId);
    }

    @Override
    public boolean accept(String id, Instant at) {
        return jdbc.update("update invitation set accepted_at = ? where id = ? and accepted_at is null "
                + "and expires_at > ?", Jdbc.timestamp(at), id, Jdbc.timestamp(at)) == 1;
    }

    private static Invitation invitation(ResultSet row) throws SQLException {
        return new Invitation(row.getString("id"), row.getString("token_hash"), row.getString("display_name"),
                row.getString("email"), row.getString("organisation_id"),
                JdbcOrganisationDirectory.texts(row.getArray("roles")).stream().map(Role::valueOf)
                        .collect(Collectors.toSet()), row.getString("invited_by"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "expires_at"), Jdbc.instant(row, "accepted_at"));
    }
}
