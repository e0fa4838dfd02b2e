package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * What the portal's own database role may do, set after every migration by the owner role that ran it
 * (docs/adr/0032): read and write every table, except the {@link #APPEND_ONLY_TABLES}, which it may only insert into
 * and read. As a defence in depth those tables also carry triggers refusing UPDATE, DELETE and TRUNCATE from anyone,
 * the owner included (a deliberate repair must disable them first, and leaves the chain broken where it changed).
 */
public final class ApplicationRole implements Callback {

    /**
     * The tables nobody changes once written: the application's role may insert and read, never update, delete or
     * truncate. A migration that adds such a table adds its name here (the one place).
     */
    public static final List<String> APPEND_ONLY_TABLES = List.of("audit_event", "audit_checkpoint");

    private static final String REFUSAL_FUNCTION = "refuse_append_only_change";

    private final Optional<String> applicationRole;

    /** @param applicationRole the role the portal connects as; empty when it is the owner itself (development) */
    public ApplicationRole(Optional<String> applicationRole) {
        this.applicationRole = Objects.requireNonNull(applicationRole, "applicationRole");
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            protectAppendOnlyTables(context.getConnection());
            if (applicationRole.isPresent()) {
                grant(context.getConnection(), applicationRole.get());
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public String getCallbackName() {
        return "application-role";
    }

    /** Gives the role DML on every table of the schema, then takes UPDATE, DELETE and TRUNCATE of the append-only ones. */
    public static void grant(Connection connection, String role) throws SQLException {
        String grantee = quoted(role);
        try (Statement statement = connection.createStatement()) {
            statement.execute("grant usage on schema " + currentSchema(connection) + " to " + grantee);
            statement.execute("grant select, insert, update, delete on all tables in schema "
                    + currentSchema(connection) + " to " + grantee);
            statement.execute("grant usage, select on all sequences in schema " + currentSchema(connection)
                    + " to " + grantee);
            if (exists(connection, "flyway_schema_history")) {
                statement.execute("revoke insert, update, delete on flyway_schema_history from " + grantee);
            }
            for (String table : APPEND_ONLY_TABLES) {
                statement.execute("revoke update, delete, truncate on " + table + " from " + grantee);
            }
        }
    }

    /** Triggers on every append-only table refusing UPDATE and DELETE of a row and TRUNCATE, whoever asks. */
    public static void protectAppendOnlyTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace function " + REFUSAL_FUNCTION + "() returns trigger "
                    + "language plpgsql as $$ begin raise exception 'the table % is append-only (docs/adr/0032)', "
                    + "tg_table_name using errcode = 'insufficient_privilege'; end $$");
            for (String table : APPEND_ONLY_TABLES) {
                if (!hasTrigger(connection, table, table + "_append_only")) {
                    statement.execute("create trigger " + table + "_append_only before update or delete on " + table
                            + " for each row execute function " + REFUSAL_FUNCTION + "()");
                }
                if (!hasTrigger(connection, table, table + "_no_truncate")) {
                    statement.execute("create trigger " + table + "_no_truncate before truncate on " + table
                            + " for each statement execute function " + REFUSAL_FUNCTION + "()");
                }
            }
        }
    }

    private static boolean hasTrigger(Connection connection, String table, String trigger) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from pg_trigger where tgrelid = to_regclass(?) and tgname = ?")) {
            query.setString(1, table);
            query.setString(2, trigger);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select quote_ident(current_schema())")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** A role name as a quoted identifier: exactly the user name the portal connects with. */
    static String quoted(String role) {
        return "\"" + role.replace("\"", "\"\"") + "\"";
    }
}
