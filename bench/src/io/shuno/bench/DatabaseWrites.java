package io.shuno.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What shuno wrote to PostgreSQL, from its statistics: rows inserted, updated and deleted per table, and the WAL the
 * server wrote (every database of the server: the drain is all that runs then). A difference of two readings says
 * which writes a run paid for; the figures reach the statistics within a second of each transaction.
 */
record DatabaseWrites(Map<String, long[]> tables, long walBytes) {

    private static final int INSERTED = 0;
    private static final int UPDATED = 1;
    private static final int DELETED = 2;
    /** Updates that wrote no index entry (heap-only tuples): the rest wrote one in every index of the table. */
    private static final int HOT_UPDATED = 3;

    static DatabaseWrites now(Infrastructure.Deployment deployment) throws SQLException {
        Map<String, long[]> tables = new TreeMap<>();
        try (Connection connection = deployment.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd from pg_stat_user_tables")) {
                while (rows.next()) {
                    tables.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5)});
                }
            }
            try (ResultSet wal = statement.executeQuery("select wal_bytes from pg_stat_wal")) {
                wal.next();
                return new DatabaseWrites(tables, wal.getLong(1));
            }
        }
    }

    /**
     * Each table that changed, as "table +inserted ~updated (of them heap-only) -deleted", and the WAL per notice
     * drained.
     */
    String describeSince(DatabaseWrites earlier, long notices) {
        List<String> changed = new ArrayList<>();
        tables.forEach((table, now) -> {
            long[] before = earlier.tables.getOrDefault(table, new long[4]);
            long inserted = now[INSERTED] - before[INSERTED];
            long updated = now[UPDATED] - before[UPDATED];
            long deleted = now[DELETED] - before[DELETED];
            long heapOnly = now[HOT_UPDATED] - before[HOT_UPDATED];
            if (inserted + updated + deleted > 0) {
                changed.add(String.format("%s +%,d ~%,d (%,d HOT) -%,d", table, inserted, updated, heapOnly, deleted));
            }
        });
        long wal = walBytes - earlier.walBytes;
        return String.format("%s; WAL %,d MB (%,d bytes per notice)", String.join(", ", changed), wal / (1 << 20),
                notices == 0 ? 0 : wal / notices);
    }
}
