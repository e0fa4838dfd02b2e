package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.notification.MailAddresses;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * A person's address: the e-mail kept with their local credential (agency staff, invited by address), else their
 * username when it is an address (staff signed in through their inspectorate's identity provider have the username
 * {@code <inspectorate>/<NameID>}, and the NameID is usually their address).
 */
public final class JdbcMailAddresses implements MailAddresses {

    private final Jdbc jdbc;

    public JdbcMailAddresses(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<String> addressOf(UserAccount person) {
        Optional<String> kept = jdbc.query("select email from local_credential where user_id = ? and email is not null",
                row -> row.getString("email"), person.id()).stream().map(String::strip)
                .filter(email -> !email.isEmpty()).findFirst();
        if (kept.isPresent()) {
            return kept;
        }
        String username = person.username();
        String nameId = username.substring(username.indexOf('/') + 1);
        return nameId.matches("[^@\\s/]+@[^@\\s/]+\\.[^@\\s/]+") ? Optional.of(nameId) : Optional.empty();
    }
}
