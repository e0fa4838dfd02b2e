package uk.gov.inspectorates.portal.deploy.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.LocalCredential;
import uk.gov.inspectorates.portal.core.account.SignInThrottle;
import uk.gov.inspectorates.portal.deploy.EmbeddedPostgresServer;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLocalCredentials;

/**
 * The seed helper of the load test (never part of the portal): many agency uploaders, made as the demo seed makes
 * people (rows in {@code user_account}) with the demo {@code agency.uploader}'s password and authenticator secret,
 * each sealed for its own user id under the portal's master key as the portal seals them, so that they sign in
 * through the portal's own API like any demo user.
 */
final class LoadPeople {

    private static final String CREDENTIALS_OF = "agency.uploader";

    private LoadPeople() {
    }

    /** {@code count} uploaders of the agency, named {@code load.<agency>.<n>}; returns their usernames. */
    static List<String> seedUploaders(EmbeddedPostgresServer postgres, Path keystore, String keystorePassword,
                                      String agency, int count) throws Exception {
        List<String> usernames = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Connection connection = postgres.superuserConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement(
                    "insert into user_account (id, username, display_name, organisation_id, roles)"
                            + " values (?, ?, ?, ?, ?) on conflict (id) do nothing")) {
                for (int n = 1; n <= count; n++) {
                    String username = "load." + agency + "." + n;
                    String id = "load-" + agency + "-" + n;
                    user.setString(1, id);
                    user.setString(2, username);
                    user.setString(3, "Load uploader " + n + " of " + agency);
                    user.setString(4, agency);
                    user.setArray(5, connection.createArrayOf("text", new Object[] {"AGENCY_UPLOADER"}));
                    user.addBatch();
                    usernames.add(username);
                    ids.add(id);
                }
                user.executeBatch();
            }
            connection.commit();
        }
        BcfksMasterKeyRing keys = BcfksMasterKeyRing.openOrCreate(keystore, keystorePassword.toCharArray(), false);
        JdbcLocalCredentials credentials = new JdbcLocalCredentials(appDataSource(postgres), keys);
        LocalCredential demo = credentials.find(idOf(postgres, CREDENTIALS_OF))
                .orElseThrow(() -> new IllegalStateException(CREDENTIALS_OF + " has no local credential"));
        for (String id : ids) {
            credentials.save(new LocalCredential(id, null, demo.passwordHash(), demo.totpSecret().clone(), -1,
                    List.of(), SignInThrottle.Failures.none()));
        }
        return usernames;
    }

    private static String idOf(EmbeddedPostgresServer postgres, String username) throws SQLException {
        try (Connection connection = postgres.superuserConnection();
             PreparedStatement query = connection.prepareStatement("select id from user_account where username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no demo user " + username + " (is demo mode on?)");
                }
                return rows.getString(1);
            }
        }
    }

    private static DataSource appDataSource(EmbeddedPostgresServer postgres) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        return dataSource;
    }

    static final Set<String> AGENCIES = Set.of("northdale-childrens-services", "northdale-icb");
}
