package uk.gov.inspectorates.portal.deploy.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.account.LocalCredential;
import uk.gov.inspectorates.portal.core.account.SignInThrottle;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLocalCredentials;

/** The people of the access matrix ({@code access-matrix/subjects.csv}): created in the database, signed in once. */
final class MatrixSubjects {

    /** One person: user {@code matrix.<name>}, id {@code matrix-<name>}. */
    record MatrixSubject(String name, String organisationId, List<String> roles, List<String> teams, String who) {

        String username() {
            return "matrix." + name;
        }

        String userId() {
            return "matrix-" + name;
        }

        List<String> teamIds() {
            return teams.stream().map(team -> switch (team) {
                case "reader-list" -> ProtocolReaderLists.teamsOf(inspectorate()).get(0).id();
                case "inspection-team" -> organisationId + "/inspection-team";
                default -> team;
            }).toList();
        }

        private Inspectorate inspectorate() {
            return Arrays.stream(Inspectorate.values()).filter(i -> i.organisationId().equals(organisationId))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": agencies have no reader lists"));
        }
    }

    /**
     * Whose credential (password hash, encrypted authenticator secret) the matrix's people share, so that they sign in
     * with the demo password and codes from the demo TOTP secret; each keeps their own last used code step.
     */
    static final String CREDENTIALS_OF = "ofsted.inspector";

    private final Map<String, MatrixSubject> subjects;

    private MatrixSubjects(Map<String, MatrixSubject> subjects) {
        this.subjects = subjects;
    }

    static MatrixSubjects load() {
        try (InputStream in = MatrixSubjects.class.getClassLoader()
                .getResourceAsStream("access-matrix/subjects.csv")) {
            Map<String, MatrixSubject> byName = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            boolean header = true;
            for (String line : lines) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", 5);
                if (header) {
                    header = false;
                    continue;
                }
                MatrixSubject subject = new MatrixSubject(cells[0].strip(), cells[1].strip(), words(cells[2]),
                        words(cells[3]), cells.length > 4 ? cells[4].strip() : "");
                if (byName.put(subject.name(), subject) != null) {
                    throw new AssertionError("subject " + subject.name() + " is listed twice");
                }
            }
            return new MatrixSubjects(byName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String cell) {
        return cell.isBlank() ? List.of() : List.of(cell.strip().split("\\s+"));
    }

    List<String> names() {
        return List.copyOf(subjects.keySet());
    }

    MatrixSubject get(String name) {
        MatrixSubject subject = subjects.get(name);
        if (subject == null) {
            throw new AssertionError("no subject " + name + " in access-matrix/subjects.csv");
        }
        return subject;
    }

    /**
     * THE place where the matrix's people are made: rows in {@code user_account} and {@code team_membership}, as the
     * demo seed makes them, with the local credential copied from the demo user {@link #CREDENTIALS_OF}. When sign-in
     * changes again, change this method and {@link #signIn}, nothing else.
     */
    void createUsers() throws SQLException {
        try (Connection connection = TestEnvironment.openSuperuserConnection()) {
            connection.setAutoCommit(false);
            for (MatrixSubject subject : subjects.values()) {
                try (PreparedStatement user = connection.prepareStatement(
                        "insert into user_account (id, username, display_name, organisation_id, roles)"
                                + " values (?, ?, ?, ?, ?)"
                                + " on conflict (id) do update set display_name = excluded.display_name,"
                                + " organisation_id = excluded.organisation_id, roles = excluded.roles")) {
                    user.setString(1, subject.userId());
                    user.setString(2, subject.username());
                    user.setString(3, "Matrix " + subject.who());
                    user.setString(4, subject.organisationId());
                    user.setArray(5, connection.createArrayOf("text", subject.roles().toArray()));
                    user.executeUpdate();
                }
                try (PreparedStatement clear = connection.prepareStatement(
                        "delete from team_membership where user_id = ?")) {
                    clear.setString(1, subject.userId());
                    clear.executeUpdate();
                }
                for (String team : subject.teamIds()) {
                    try (PreparedStatement member = connection.prepareStatement(
                            "insert into team_membership (user_id, team_id) values (?, ?)")) {
                        member.setString(1, subject.userId());
                        member.setString(2, team);
                        member.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
        giveEachTheDemoCredential();
    }

    /** Same password and authenticator secret, each sealed for its own user id as the portal seals them. */
    private void giveEachTheDemoCredential() throws SQLException {
        giveTheDemoCredential(subjects.values().stream().map(MatrixSubject::userId).toList());
    }

    /**
     * Gives each of the (existing) users the demo user {@link #CREDENTIALS_OF}'s password and authenticator secret,
     * so that they sign in as the demo users do ({@link PortalApi#signedIn}); for tests that need people the demo
     * seed does not have.
     */
    static void giveTheDemoCredential(List<String> userIds) throws SQLException {
        JdbcLocalCredentials credentials = new JdbcLocalCredentials(TestEnvironment.portalDataSource(),
                TestEnvironment.portalMasterKeys());
        String demoUserId;
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select id from user_account where username = ?")) {
            query.setString(1, CREDENTIALS_OF);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no demo user " + CREDENTIALS_OF + " to copy credentials from");
                }
                demoUserId = rows.getString(1);
            }
        }
        LocalCredential demo = credentials.find(demoUserId)
                .orElseThrow(() -> new AssertionError(CREDENTIALS_OF + " has no local credential"));
        for (String userId : userIds) {
            credentials.save(new LocalCredential(userId, null, demo.passwordHash(),
                    demo.totpSecret().clone(), -1, List.of(), SignInThrottle.Failures.none()));
        }
    }

    /** Removes the matrix's people (after their reports are removed: a report row refers to its sharer). */
    void removeUsers() throws SQLException {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement delete = connection.prepareStatement("delete from user_account where id = ?")) {
            for (MatrixSubject subject : subjects.values()) {
                delete.setString(1, subject.userId());
                delete.executeUpdate();
            }
        }
    }

    /** One session per person, signed in through the API once. */
    Map<String, PortalApi> signIn(URI portal) throws Exception {
        Map<String, PortalApi> sessions = new LinkedHashMap<>();
        for (MatrixSubject subject : subjects.values()) {
            sessions.put(subject.name(), PortalApi.signedIn(portal, subject.username()));
        }
        return sessions;
    }

    List<MatrixSubject> all() {
        return new ArrayList<>(subjects.values());
    }
}
