package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.PersistenceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest extends AbstractJobStoreTest {

    @TempDir
    Path dir;

    Path file;

    @Override
    JobStore open() {
        file = dir.resolve("nested").resolve("data").resolve("logs.db");
        return SqliteJobStore.open(file, RETENTION_MS);
    }

    @Test
    void createsParentDirectoriesAndAPrivateFile() throws Exception {
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.backend()).isEqualTo(PersistenceConfig.Backend.SQLITE);
    }

    @Test
    void usesTheWriteAheadLog() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void recordsSchemaVersionsInItsOwnTableNotTheFlightRecordersMigrationsTable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT version FROM job_store_migrations ORDER BY version")) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            assertThat(versions).containsExactly(1, 2, 3);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '_migrations'")) {
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void writesTimestampsAndArgsExactlyAsTheNodeGatewayDoes() throws Exception {
        store.recordStart(running("j1", "k1", T0));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT started_at, expires_at, args_json, status, output_truncated, "
                     + "owner_host, owner_pid, owner_started_at, heartbeat_at FROM jobs WHERE id = 'j1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("started_at")).isEqualTo("2026-05-24T10:11:12.345Z");
            assertThat(rs.getString("expires_at")).isEqualTo("9999-12-31T23:59:59.999Z");
            assertThat(rs.getString("args_json")).isEqualTo("[\"-p\",\"say \\\"hi\\\" — ünï 😀\",\"--x\"]");
            assertThat(rs.getString("status")).isEqualTo("running");
            assertThat(rs.getInt("output_truncated")).isZero();
            assertThat(rs.getString("owner_host")).isEqualTo("host-a");
            assertThat(rs.getLong("owner_pid")).isEqualTo(4242);
            assertThat(rs.getString("owner_started_at")).isEqualTo("2026-05-24T09:00:00.000Z");
            assertThat(rs.getString("heartbeat_at")).isEqualTo("2026-05-24T10:11:12.345Z");
        }
    }

    @Test
    void reopeningKeepsRowsAndDoesNotMigrateAgain() throws Exception {
        store.recordStart(running("kept", "k", T0));
        store.close();
        store = SqliteJobStore.open(file, RETENTION_MS);
        assertThat(store.find("kept")).isPresent();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM job_store_migrations")) {
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void twoStoresOnOneFileSeeEachOthersRows() {
        try (SqliteJobStore other = SqliteJobStore.open(file, RETENTION_MS)) {
            other.recordStart(running("from-other", "k", T0));
            store.recordStart(running("from-this", "k", T0));
            assertThat(store.find("from-other")).isPresent();
            assertThat(other.find("from-this")).isPresent();
        }
    }
}
