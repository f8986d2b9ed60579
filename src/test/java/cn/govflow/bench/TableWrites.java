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
 * n_tup_del), between two snapshots. Backends report their counts asynchronously (PostgreSQL 15: at the end of a
 * transaction when idle, at most about once a second), so a snapshot first asks every pooled connection to flush
 * ({@code pg_stat_force_next_flush()}, 15+), then rereads until two reads agree. H2 has no such statistics: there,
 * {@link #available()} is false and nothing is measured.
 */
final class TableWrites {

    /** Inserted, updated and deleted rows. */
    record Counts(double inserts, double updates, double deletes) {
        static final Counts ZERO = new Counts(0, 0, 0);

        double writes() {
            return inserts + updates + deletes;
        }

        Counts plus(Counts o) {
            return new Counts(inserts + o.inserts, updates + o.updates, deletes + o.deletes);
        }

        Counts minus(Counts o) {
            return new Counts(inserts - o.inserts, updates - o.updates, deletes - o.deletes);
        }

        Counts per(int cases) {
            return new Counts(inserts / cases, updates / cases, deletes / cases);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inserts", GovflowBenchmark.round(inserts, 1));
            m.put("updates", GovflowBenchmark.round(updates, 1));
            m.put("deletes", GovflowBenchmark.round(deletes, 1));
            m.put("writes", GovflowBenchmark.round(writes(), 1));
            return m;
        }
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
    Map<String, Counts> snapshot() {
        if (!postgres) {
            return Map.of();
        }
        flushAll();
        Map<String, Counts> last = read();
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            GovflowBenchmark.sleep(STABLE_WAIT_MILLIS);
            Map<String, Counts> next = read();
            if (next.equals(last)) {
                return next;
            }
            last = next;
        }
        System.err.println("table statistics still changing after " + MAX_WAIT_MILLIS + " ms; last read used");
        return last;
    }

    /**
     * Rows per case since {@code before}: {@code total} and {@code byTable} (tables that were written, most
     * written first), each with inserts, updates, deletes and writes; null where there are no statistics.
     */
    Map<String, Object> perCaseSince(Map<String, Counts> before, int cases) {
        if (!postgres) {
            return null;
        }
        Map<String, Counts> after = snapshot();
        List<Map.Entry<String, Counts>> written = new ArrayList<>();
        Counts total = Counts.ZERO;
        for (Map.Entry<String, Counts> e : after.entrySet()) {
            Counts delta = e.getValue().minus(before.getOrDefault(e.getKey(), Counts.ZERO));
            if (delta.writes() > 0) {
                written.add(Map.entry(e.getKey(), delta.per(cases)));
                total = total.plus(delta);
            }
        }
        written.sort(Comparator.comparingDouble(
                        (Map.Entry<String, Counts> e) -> e.getValue().writes())
                .reversed());
        Map<String, Object> byTable = new LinkedHashMap<>();
        written.forEach(e -> byTable.put(e.getKey(), e.getValue().toMap()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total.per(cases).toMap());
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

    private Map<String, Counts> read() {
        return jdbc.execute((Connection c) -> {
            Map<String, Counts> counts = new TreeMap<>();
            try (Statement s = c.createStatement()) {
                // A fresh snapshot: within one transaction PostgreSQL would otherwise answer from its cache.
                s.execute("select pg_stat_clear_snapshot()");
                try (ResultSet r =
                        s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
                    while (r.next()) {
                        counts.put(r.getString(1), new Counts(r.getLong(2), r.getLong(3), r.getLong(4)));
                    }
                }
            }
            return counts;
        });
    }
}
