package cn.govflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written per table, from PostgreSQL's table statistics ({@code pg_stat_user_tables}: n_tup_ins, n_tup_upd,
 * n_tup_del), and the scans that read it (seq_scan + idx_scan: about one per query that touched the table, more for
 * a query that joins it in a loop), between two snapshots. Backends report their counts asynchronously (PostgreSQL 15: at the end of a
 * transaction when idle, at most about once a second), so a snapshot first asks every pooled connection to flush
 * ({@code pg_stat_force_next_flush()}, 15+), then rereads until two reads agree. H2 has no such statistics: there,
 * {@link #available()} is false and nothing is measured.
 */
final class TableWrites {

    /** Inserted, updated and deleted rows, and the scans that read the table. */
    record Counts(double inserts, double updates, double deletes, double scans) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        double writes() {
            return inserts + updates + deletes;
        }

        Counts plus(Counts o) {
            return new Counts(inserts + o.inserts, updates + o.updates, deletes + o.deletes, scans + o.scans);
        }

        Counts minus(Counts o) {
            return new Counts(inserts - o.inserts, updates - o.updates, deletes - o.deletes, scans - o.scans);
        }

        Counts per(int cases) {
            return new Counts(inserts / cases, updates / cases, deletes / cases, scans / cases);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inserts", GovflowBenchmark.round(inserts, 1));
            m.put("updates", GovflowBenchmark.round(updates, 1));
            m.put("deletes", GovflowBenchmark.round(deletes, 1));
            m.put("writes", GovflowBenchmark.round(writes(), 1));
            m.put("scans", GovflowBenchmark.round(scans, 1));
            return m;
        }
    }

    /**
     * The counts of every table, and the transactions the database committed (pg_stat_database.xact_commit): each
     * commit that wrote waits for the WAL to be flushed to disk, which the benchmark's machine showed as the
     * commonest wait; and the WAL's syncs and bytes (pg_stat_wal, the whole server's: only the benchmark runs).
     * Concurrent commits share a sync, so syncs per case fall as load rises.
     */
    record Snapshot(Map<String, Counts> tables, long commits, long walSyncs, long walBytes) {
        static final Snapshot NONE = new Snapshot(Map.of(), 0, 0, 0);
    }

    private static final long STABLE_WAIT_MILLIS = 250;
    private static final long MAX_WAIT_MILLIS = 30_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final int poolSize;

    TableWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection c) -> c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres")));
        this.poolSize = poolSize(dataSource);
    }

    private static int poolSize(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()
                    : 10;
        } catch (SQLException e) {
            return 10;
        }
    }

    boolean available() {
        return postgres;
    }

    /** The counts of every table so far (empty where there are no statistics). */
    Snapshot snapshot() {
        if (!postgres) {
            return Snapshot.NONE;
        }
        flushAll();
        Snapshot last = read();
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            GovflowBenchmark.sleep(STABLE_WAIT_MILLIS);
            Snapshot next = read();
            if (next.equals(last)) {
                return next;
            }
            last = next;
        }
        System.err.println("table statistics still changing after " + MAX_WAIT_MILLIS + " ms; last read used");
        return last;
    }

    /**
     * Rows per case since {@code before}: {@code total} and {@code byTable} (tables that were written or read, most
     * written first), each with inserts, updates, deletes, writes and scans; null where there are no statistics.
     */
    Map<String, Object> perCaseSince(Snapshot before, int cases) {
        if (!postgres) {
            return null;
        }
        Snapshot after = snapshot();
        List<Map.Entry<String, Counts>> written = new ArrayList<>();
        Counts total = Counts.ZERO;
        for (Map.Entry<String, Counts> e : after.tables().entrySet()) {
            Counts delta = e.getValue().minus(before.tables().getOrDefault(e.getKey(), Counts.ZERO));
            if (delta.writes() > 0 || delta.scans() > 0) {
                written.add(Map.entry(e.getKey(), delta.per(cases)));
                total = total.plus(delta);
            }
        }
        written.sort(Comparator.comparingDouble(
                        (Map.Entry<String, Counts> e) -> e.getValue().writes())
                .thenComparingDouble(e -> e.getValue().scans())
                .reversed());
        Map<String, Object> byTable = new LinkedHashMap<>();
        written.forEach(e -> byTable.put(e.getKey(), e.getValue().toMap()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total.per(cases).toMap());
        // The benchmark's own statistics reads commit too: about 20 per run, under 0.1 a case.
        m.put("commits", GovflowBenchmark.round((after.commits() - before.commits()) / (double) cases, 1));
        m.put("walSyncs", GovflowBenchmark.round((after.walSyncs() - before.walSyncs()) / (double) cases, 1));
        m.put("walKiB", GovflowBenchmark.round((after.walBytes() - before.walBytes()) / 1024.0 / cases, 1));
        m.put("byTable", byTable);
        return m;
    }

    /**
     * Asks every pooled connection's backend to report its pending counts at the end of its next transaction: all
     * of the pool's connections are borrowed at once, so each is a different backend.
     */
    private void flushAll() {
        boolean canForce =
                jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class) >= 150000;
        if (!canForce) {
            return;
        }
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                Connection c = dataSource.getConnection();
                borrowed.add(c);
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_stat_force_next_flush()");
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not flush the table statistics", e);
        } finally {
            for (Connection c : borrowed) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // returned to the pool or not: the statistics are reread until stable anyway
                }
            }
        }
    }

    private Snapshot read() {
        return jdbc.execute((Connection c) -> {
            Map<String, Counts> counts = new TreeMap<>();
            try (Statement s = c.createStatement()) {
                // A fresh snapshot: within one transaction PostgreSQL would otherwise answer from its cache.
                s.execute("select pg_stat_clear_snapshot()");
                try (ResultSet r = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del,"
                        + " coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables")) {
                    while (r.next()) {
                        counts.put(r.getString(1), new Counts(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                    }
                }
                try (ResultSet r = s.executeQuery("select d.xact_commit, w.wal_sync, w.wal_bytes"
                        + " from pg_stat_database d, pg_stat_wal w where d.datname = current_database()")) {
                    r.next();
                    return new Snapshot(counts, r.getLong(1), r.getLong(2), r.getLong(3));
                }
            }
        });
    }
}
