package com.verivus.gateway.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh, empty database on the PostgreSQL server the tests use (127.0.0.1:5432, trust auth, user
 * postgres; {@code LLM_GATEWAY_TEST_PG_HOST}/{@code _PORT}/{@code _USER} override), created for one test
 * class and dropped (with its connections) on {@link #close}, so test classes run in parallel and
 * leave nothing behind. A server that does not answer fails the test with how to start it — never a
 * skip, locally or in CI ({@code .ci/run} starts the server first).
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String HOST = env("LLM_GATEWAY_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("LLM_GATEWAY_TEST_PG_PORT", "5432"));
    public static final String USER = env("LLM_GATEWAY_TEST_PG_USER", "postgres");

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    public static PostgresTestDatabase create() {
        String name = "gw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed by this test and does not answer at " + HOST + ":"
                    + PORT + " as " + USER + " (" + e.getMessage() + "). Start it with: pg_ctlcluster "
                    + "--skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        return new PostgresTestDatabase(name);
    }

    public String name() {
        return name;
    }

    /** The DSN in the gateway's config form. */
    public String dsn() {
        return "postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + name;
    }

    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, p);
    }

    /** Ends every connection to this database (a server restart, as the gateways see it). */
    public int terminateConnections() throws SQLException {
        try (Connection c = admin(); var ps = c.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @Override
    public void close() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", p);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
