package io.shuno.intake;

import com.fasterxml.jackson.core.JacksonException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure that will pass by itself — the database or broker unreachable, a serialization failure, a
 * deadlock, a lock or statement timeout — from one a record's content causes. Only the first may hold a partition
 * (the batch is retried with back-off, nothing dead-lettered); the second sends the batch into bisection.
 */
final class InfrastructureFaults {

    /**
     * PostgreSQL SQLState classes and codes that say nothing about the data: 08 connection exception, 53 insufficient
     * resources, 57 operator intervention (shutdown, cancel), 58 system error; 40001 serialization failure, 40P01
     * deadlock, 55P03 lock not available.
     */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    private InfrastructureFaults() {
    }

    static boolean isInfrastructure(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException // incl. CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException // a commit or rollback that did not get through
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    // A network or disk I/O fault; not Jackson's, which is about content (a value it cannot write).
                    || cause instanceof IOException && !(cause instanceof JacksonException)
                    || cause instanceof InterruptedException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && (TRANSIENT_STATES.contains(sql.getSQLState())
                    || TRANSIENT_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }
}
