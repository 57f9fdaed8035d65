package io.shuno.ledger;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Only one instance relays the outbox at a time, so messages about one invoice leave in the order they were
 * written. The leader holds a PostgreSQL session lock on a connection of its own; if that connection dies, the
 * lock is released and another instance takes over. The same connection listens for the notifications of the outbox
 * and the settlements journal (see V9, V15), so the leader wakes the moment a transaction that wrote to either
 * commits.
 */
@Component
class OutboxLeadership implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxLeadership.class);
    /** An arbitrary constant that names the relay's lock among PostgreSQL advisory locks. */
    private static final long RELAY_LOCK = 0x5348554e4f5245L;
    private static final String CHANNEL = "shuno_outbox";

    private final DataSource dataSource;
    private Connection held;

    OutboxLeadership(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized boolean isLeader() {
        try {
            if (held != null && held.isValid(2)) {
                return true;
            }
            release();
            Connection candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            try (Statement statement = candidate.createStatement();
                 ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
                result.next();
                if (result.getBoolean(1)) {
                    statement.execute("listen " + CHANNEL);
                    held = candidate;
                    log.info("This instance now relays the outbox");
                    return true;
                }
            }
            candidate.close();
            return false;
        } catch (SQLException e) {
            log.warn("Could not take the outbox relay lock: {}", e.getMessage());
            release();
            return false;
        }
    }

    /**
     * Waits until a transaction that wrote to the outbox or booked settlements commits, or at most
     * {@code maxWaitMillis}; true if one did. Only the leader listens; any other instance just waits. A lost connection
     * gives up leadership (its lock went with it).
     */
    boolean awaitAppended(int maxWaitMillis) throws InterruptedException {
        Connection listening;
        synchronized (this) {
            listening = held;
        }
        if (listening == null) {
            Thread.sleep(maxWaitMillis);
            return false;
        }
        try {
            PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(maxWaitMillis);
            return notifications != null && notifications.length > 0;
        } catch (SQLException e) {
            log.warn("The outbox relay lost its connection: {}", e.getMessage());
            release();
            return false;
        }
    }

    synchronized void release() {
        if (held == null) {
            return;
        }
        try {
            held.close();
        } catch (SQLException e) {
            log.debug("Closing the relay lock connection failed: {}", e.getMessage());
        }
        held = null;
    }

    @Override
    public void destroy() {
        release();
    }
}
