package com.verivus.gateway.store.postgres;

import com.verivus.gateway.store.JobStoreUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * One PostgreSQL database shared by a fleet of gateways: a HikariCP pool and the schema brought up
 * to date by Flyway (migrations in {@code db/postgres}, applied under Flyway's lock, so gateways
 * starting together do not race). Jobs and sessions use the same pool. Opening fails loudly — an
 * unreachable server, a bad login or a failed migration is a {@link JobStoreUnavailableException}
 * the gateway reports as a fatal start-up error, never a fall-back to another backend.
 */
public final class PostgresDatabase implements AutoCloseable {

    /** Pool limits of the Node gateway's loadConfig (max 10, idle 30 s, connect 5 s, statements 10 s). */
    static final int MAX_POOL = 10;
    static final long CONNECT_TIMEOUT_MS = 5_000;
    /**
     * How long a request waits for a pooled connection. Longer than the connect timeout: under a burst on a
     * loaded host all ten can be busy for seconds (bench/fleet saw 100 concurrent starts on a 2-core box at
     * load 40 time out at 5 s); a server that is down still fails a request after this long at most.
     */
    static final long ACQUIRE_TIMEOUT_MS = 15_000;
    static final long IDLE_TIMEOUT_MS = 30_000;
    static final long STATEMENT_TIMEOUT_MS = 10_000;

    private final PostgresDsn dsn;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresDsn dsn, HikariDataSource pool) {
        this.dsn = dsn;
        this.pool = pool;
    }

    /**
     * Connects, migrates and returns the database.
     *
     * @throws JobStoreUnavailableException naming the redacted DSN and the cause
     */
    public static PostgresDatabase open(String dsnText) {
        PostgresDsn dsn;
        try {
            dsn = PostgresDsn.parse(dsnText);
        } catch (IllegalArgumentException e) {
            throw new JobStoreUnavailableException("Invalid [persistence].dsn: " + e.getMessage());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config(dsn));
        } catch (RuntimeException e) {
            throw new JobStoreUnavailableException("Cannot connect to PostgreSQL at " + dsn.redacted() + ": "
                    + rootMessage(e));
        }
        try {
            // baseline 0: a database that already holds other tables (the Node gateway's sessions, an
            // application's own) gets every migration of ours, instead of Flyway refusing a non-empty schema
            Flyway.configure().dataSource(pool).locations("classpath:db/postgres").loggers("slf4j")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (FlywayException | IllegalStateException e) {
            pool.close();
            throw new JobStoreUnavailableException("Migration of the PostgreSQL schema at " + dsn.redacted()
                    + " failed: " + rootMessage(e));
        }
        return new PostgresDatabase(dsn, pool);
    }

    private static HikariConfig config(PostgresDsn dsn) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("llm-gateway-pg");
        c.setJdbcUrl(dsn.jdbcUrl());
        if (dsn.user() != null) {
            c.setUsername(dsn.user());
        }
        if (dsn.password() != null) {
            c.setPassword(dsn.password());
        }
        c.setMaximumPoolSize(MAX_POOL);
        c.setMinimumIdle(1);
        c.setIdleTimeout(IDLE_TIMEOUT_MS);
        c.setConnectionTimeout(ACQUIRE_TIMEOUT_MS);
        // fail at start-up when the server cannot be reached, instead of on the first request
        c.setInitializationFailTimeout(CONNECT_TIMEOUT_MS);
        c.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
        // a server that vanished mid-query must not hang a request thread forever
        c.addDataSourceProperty("socketTimeout", "60");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("ApplicationName", "llm-cli-gateway");
        c.setConnectionInitSql("SET statement_timeout = " + STATEMENT_TIMEOUT_MS);
        return c;
    }

    public PostgresDsn dsn() {
        return dsn;
    }

    /** A pooled connection (auto-commit on); fails after {@link #ACQUIRE_TIMEOUT_MS} when the server is gone. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** A connection outside the pool, for a LISTEN session that lives as long as the gateway. */
    Connection dedicatedConnection() throws SQLException {
        Properties p = new Properties();
        if (dsn.user() != null) {
            p.setProperty("user", dsn.user());
        }
        if (dsn.password() != null) {
            p.setProperty("password", dsn.password());
        }
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "llm-cli-gateway-listen");
        return DriverManager.getConnection(dsn.jdbcUrl(), p);
    }

    /** Pool counters for llm_process_health. */
    public Map<String, Object> poolState() {
        Map<String, Object> m = new LinkedHashMap<>();
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        m.put("maxSize", MAX_POOL);
        m.put("total", bean == null ? 0 : bean.getTotalConnections());
        m.put("active", bean == null ? 0 : bean.getActiveConnections());
        m.put("idle", bean == null ? 0 : bean.getIdleConnections());
        m.put("waiting", bean == null ? 0 : bean.getThreadsAwaitingConnection());
        m.put("connectTimeoutMs", CONNECT_TIMEOUT_MS);
        m.put("acquireTimeoutMs", ACQUIRE_TIMEOUT_MS);
        m.put("statementTimeoutMs", STATEMENT_TIMEOUT_MS);
        return m;
    }

    @Override
    public void close() {
        pool.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.toString() : message;
    }
}
