package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JobStore contract on a real PostgreSQL database (one per test class), plus what only it does. */
class PostgresJobStoreTest extends AbstractJobStoreTest {

    static PostgresTestDatabase database;
    static PostgresDatabase pool;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
        pool = PostgresDatabase.open(database.dsn());
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    JobStore open() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE jobs");
        }
        return new PostgresJobStore(pool, RETENTION_MS, false);
    }

    @Test
    void reportsThePostgresBackendAndARedactedDsnWithPoolState() {
        assertThat(store.backend()).isEqualTo(PersistenceConfig.Backend.POSTGRES);
        Map<String, Object> health = store.details();
        assertThat(health.get("dsn")).isEqualTo(database.dsn());
        @SuppressWarnings("unchecked")
        Map<String, Object> poolState = (Map<String, Object>) health.get("pool");
        assertThat(poolState).containsKeys("maxSize", "total", "active", "idle", "waiting");
    }

    @Test
    void theSchemaIsVersionedByFlywayAndOpeningAgainMigratesNothing() throws Exception {
        try (PostgresDatabase again = PostgresDatabase.open(database.dsn());
             Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getBoolean("success")).isTrue();
                versions.add(rs.getString("version"));
            }
            assertThat(versions).startsWith("1").doesNotHaveDuplicates();
        }
    }

    @Test
    void nulCharactersInOutputAreStoredAsReplacementCharacters() {
        store.recordStart(running("nul", "k", T0));
        store.recordOutput("nul", "a\0b", "\0", false);
        JobRecord r = store.find("nul").orElseThrow();
        assertThat(r.stdout()).isEqualTo("a\uFFFDb");
        assertThat(r.stderr()).isEqualTo("\uFFFD");
    }

    @Test
    void completionsAndCancelRequestsAreSignalledToEveryListener() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        // a second store on its own pool stands in for another gateway
        try (PostgresJobStore other = new PostgresJobStore(PostgresDatabase.open(database.dsn()), RETENTION_MS, true)) {
            other.subscribe(new JobSignalListener() {
                @Override
                public void jobFinished(String id) {
                    events.add("finished:" + id);
                    two.countDown();
                }

                @Override
                public void cancelRequested(String id) {
                    events.add("cancel:" + id);
                    two.countDown();
                }
            });
            awaitListening(other);
            store.recordStart(running("sig", "k", T0));
            assertThat(store.requestCancel("sig", T0.plusSeconds(1))).isTrue();
            assertThat(other.cancelRequested(List.of("sig", "unknown"))).containsExactly("sig");
            store.recordComplete(completion("sig", JobStatus.CANCELED, T0.plusSeconds(2)));
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly("cancel:sig", "finished:sig");
            assertThat(store.requestCancel("sig", T0.plusSeconds(3))).as("finished rows take no cancel").isFalse();
        }
    }

    @Test
    void anUnreachableServerIsAClearErrorNamingTheRedactedDsn() {
        assertThatThrownBy(() -> PostgresDatabase.open("postgresql://u:topsecret@127.0.0.1:1/db"))
                .isInstanceOf(JobStoreUnavailableException.class)
                .hasMessageStartingWith("Cannot connect to PostgreSQL at postgresql://u:***@127.0.0.1:1/db")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void aMissingDatabaseIsAClearError() {
        assertThatThrownBy(() -> PostgresDatabase.open("postgresql://" + PostgresTestDatabase.USER + "@"
                + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/" + database.name() + "_missing"))
                .isInstanceOf(JobStoreUnavailableException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFailedMigrationIsAClearError() throws Exception {
        try (PostgresTestDatabase broken = PostgresTestDatabase.create()) {
            // a table in the way of V1: the migration fails and says so
            try (Connection c = broken.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE jobs (something int)");
            }
            assertThatThrownBy(() -> PostgresDatabase.open(broken.dsn()))
                    .isInstanceOf(JobStoreUnavailableException.class)
                    .hasMessageContaining("Migration of the PostgreSQL schema at " + broken.dsn())
                    .hasMessageContaining("jobs");
        }
    }

    static void awaitListening(PostgresJobStore s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Boolean.TRUE.equals(s.details().get("listening")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(s.details().get("listening")).isEqualTo(true);
    }
}
