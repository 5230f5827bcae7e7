package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import com.verivus.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SessionStore contract on PostgreSQL: one database per class, one schema per data directory (so
 * "a second store over the same data" is a second store over the same schema), dropped afterwards.
 */
class PostgresSessionStoreTest extends AbstractSessionStoreContractTest {

    static PostgresTestDatabase database;
    private final Map<Path, String> schemas = new HashMap<>();
    private final List<PostgresDatabase> pools = new java.util.ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @AfterEach
    void closePools() {
        pools.forEach(PostgresDatabase::close);
    }

    @Override
    SessionStore newStore(Path dataDir, Duration ttl, MutableClock clock) {
        return new PostgresSessionStore(pool(dataDir), ttl, clock);
    }

    PostgresDatabase pool(Path dataDir) {
        String schema = schemas.computeIfAbsent(dataDir, d -> {
            String name = "s" + Integer.toUnsignedString(d.toString().hashCode(), 36) + "_" + schemas.size();
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return name;
        });
        PostgresDatabase db = PostgresDatabase.open(database.dsn() + "?currentSchema=" + schema);
        pools.add(db);
        return db;
    }

    @Test
    void allFiveClisCanHoldSessionsAndActivePointers() {
        for (CliName cli : CliName.values()) {
            store.create(cli, null);
        }
        assertThat(store.activeSessionIds().values()).doesNotContainNull().hasSize(5);
    }

    @Test
    void clearAllClearsEveryClisActivePointer() {
        for (CliName cli : CliName.values()) {
            store.create(cli, null);
        }
        assertThat(store.clearAll(null)).isEqualTo(5);
        assertThat(store.activeSessionIds().values()).containsOnlyNulls();
    }

    @Test
    void metadataMergesFromTwoGatewaysBothStay() {
        Session s = store.create(CliName.CODEX, null);
        SessionStore other = newStore(dataDir, TTL, clock);
        store.updateMetadata(s.id(), Map.of("a", 1));
        other.updateMetadata(s.id(), Map.of("b", "two"));
        assertThat(store.get(s.id()).orElseThrow().metadata()).containsEntry("a", 1).containsEntry("b", "two");
    }
}
