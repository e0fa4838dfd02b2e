package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.SQLException;

/** The database refused or could not be reached; carries the SQL state for logs, never to users. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super("database error (SQL state " + cause.getSQLState() + ")", cause);
    }
}
