package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import com.verivus.gateway.testing.MutableClock;
import com.verivus.gateway.testing.TcpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The SessionStore contract on PostgreSQL with the real Redis on 127.0.0.1:6379 as cache and lock
 * (keys under a prefix per data directory, deleted afterwards), plus the cache, lock and outage
 * behaviour of §7.2.
 */
class RedisCachedSessionStoreTest extends AbstractSessionStoreContractTest {

    static final URI REDIS = URI.create("redis://127.0.0.1:6379");
    static PostgresTestDatabase database;
    private final Map<Path, String> schemas = new HashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (JedisPool pool = new JedisPool(REDIS.toString()); Jedis r = pool.getResource()) {
            for (String prefix : schemas.values()) {
                Set<String> keys = r.keys(prefix + "*");
                if (!keys.isEmpty()) {
                    r.del(keys.toArray(String[]::new));
                }
            }
        }
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Override
    SessionStore newStore(Path dataDir, Duration ttl, MutableClock clock) {
        return newStore(dataDir, ttl, clock, REDIS);
    }

    RedisCachedSessionStore newStore(Path dataDir, Duration ttl, MutableClock clock, URI redis) {
        String schema = schema(dataDir);
        PostgresDatabase db = PostgresDatabase.open(database.dsn() + "?currentSchema=" + schema);
        opened.add(db);
        JedisPool pool = new JedisPool(new JedisPoolConfig(), redis, 2000);
        RedisCachedSessionStore s = new RedisCachedSessionStore(new PostgresSessionStore(db, ttl, clock), pool,
                schema + ":", ttl, clock);
        opened.add(s);
        return s;
    }

    private String schema(Path dataDir) {
        return schemas.computeIfAbsent(dataDir, d -> {
            String name = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return name;
        });
    }

    private Jedis redis() {
        JedisPool pool = new JedisPool(REDIS.toString());
        opened.add(pool);
        return pool.getResource();
    }

    private String prefix() {
        return schemas.get(dataDir) + ":";
    }

    @Test
    void readsFillTheCacheWithTheNodeKeysAndTtls() {
        Session s = store.create(CliName.GROK, "cached");
        store.get(s.id());
        store.getActive(CliName.GROK);
        store.list(CliName.GROK);
        try (Jedis r = redis()) {
            assertThat(r.get(prefix() + "session:" + s.id())).contains("\"description\":\"cached\"");
            assertThat(r.ttl(prefix() + "session:" + s.id())).isBetween(1L, 3600L);
            assertThat(r.get(prefix() + "active_session:grok")).isEqualTo(s.id());
            assertThat(r.ttl(prefix() + "active_session:grok")).isBetween(1L, 1800L);
            assertThat(r.ttl(prefix() + "session_list:grok")).isBetween(1L, 120L);
        }
    }

    @Test
    void aChangeThroughAnotherGatewayInvalidatesTheCache() {
        Session s = store.create(CliName.CLAUDE, null);
        assertThat(store.get(s.id()).orElseThrow().metadata()).isNull(); // now cached
        SessionStore other = newStore(dataDir, TTL, clock);
        other.updateMetadata(s.id(), Map.of("k", "v"));
        assertThat(store.get(s.id()).orElseThrow().metadata()).containsEntry("k", "v");
        other.delete(s.id());
        assertThat(store.get(s.id())).isEmpty();
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();
    }

    @Test
    void twoGatewaysRacingSetActiveEndWithOneConsistentActiveSession() throws Exception {
        SessionStore other = newStore(dataDir, TTL, clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store.create(CliName.CODEX, "s" + i).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SessionStore gw = i % 2 == 0 ? store : other;
                String id = ids.get(i % ids.size());
                results.add(pool.submit(() -> gw.setActive(CliName.CODEX, id)));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        String inDatabase = store.activeSessionIds().get(CliName.CODEX);
        assertThat(ids).contains(inDatabase);
        assertThat(store.getActive(CliName.CODEX)).map(Session::id).contains(inDatabase);
        assertThat(other.getActive(CliName.CODEX)).map(Session::id).contains(inDatabase);
        try (Jedis r = redis()) {
            assertThat(r.exists(prefix() + "lock:active_session:codex")).as("no lock left behind").isFalse();
        }
    }

    @Test
    void aLockLeftByAKilledGatewayExpiresAndSetActiveThenSucceeds() {
        Session s = store.create(CliName.GEMINI, null);
        try (Jedis r = redis()) {
            // what a gateway killed while holding the lock leaves behind: its token, with the lease
            r.setex(prefix() + "lock:active_session:gemini", 2, "token-of-a-dead-gateway");
        }
        assertThat(store.setActive(CliName.GEMINI, s.id())).isTrue();
        try (Jedis r = redis()) {
            assertThat(r.exists(prefix() + "lock:active_session:gemini")).isFalse();
        }
    }

    @Test
    void aHolderWhoseLeasePassedToAnotherNeverReleasesTheNewHoldersLock() throws Exception {
        JedisPool pool = new JedisPool(new JedisPoolConfig(), REDIS, 2000);
        opened.add(pool);
        RedisLock first = new RedisLock(pool, Duration.ofSeconds(1), Duration.ofSeconds(5));
        RedisLock second = new RedisLock(pool, Duration.ofSeconds(30), Duration.ofSeconds(10));
        String key = prefix() + "lock:test";
        schema(dataDir);
        String oldToken = first.acquire(key).orElseThrow();
        String newToken = second.acquire(key).orElseThrow(); // waits for the first lease to run out
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(first.release(key, oldToken)).isFalse();
        try (Jedis r = redis()) {
            assertThat(r.get(key)).isEqualTo(newToken);
        }
        assertThat(second.release(key, newToken)).isTrue();
    }

    @Test
    void aRedisOutageDegradesToPostgresAloneAndRecovers() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 6379)) {
            RedisCachedSessionStore viaProxy = newStore(dataDir, TTL, clock,
                    URI.create("redis://127.0.0.1:" + proxy.port()));
            Session s = viaProxy.create(CliName.MISTRAL, "survives");
            assertThat(viaProxy.redisState()).containsEntry("status", "up");

            proxy.stop();
            assertThat(viaProxy.get(s.id())).map(Session::description).contains("survives");
            assertThat(viaProxy.list(CliName.MISTRAL)).extracting(Session::id).containsExactly(s.id());
            assertThat(viaProxy.setActive(CliName.MISTRAL, s.id())).isTrue();
            Session later = viaProxy.create(CliName.MISTRAL, "written while Redis was down");
            assertThat(viaProxy.redisState()).containsEntry("status", "down");
            Map<String, Object> status = PostgresRedisSessions.status(Map.of("status", "up"), viaProxy.redisState());
            assertThat(status).containsEntry("status", "degraded");

            proxy.start();
            assertThat(viaProxy.redisState()).containsEntry("status", "up");
            assertThat(viaProxy.get(later.id())).map(Session::description).contains("written while Redis was down");
            assertThat(viaProxy.getActive(CliName.MISTRAL)).map(Session::id).contains(s.id());
        }
    }

    @Test
    void clearAllDropsEveryClisCachedPointer() {
        for (CliName cli : CliName.values()) {
            store.create(cli, null);
            store.getActive(cli);
        }
        store.clearAll(null);
        try (Jedis r = redis()) {
            for (CliName cli : CliName.values()) {
                assertThat(r.exists(prefix() + "active_session:" + cli.key())).isFalse();
            }
        }
        for (CliName cli : CliName.values()) {
            assertThat(store.getActive(cli)).isEqualTo(Optional.empty());
        }
    }
}
