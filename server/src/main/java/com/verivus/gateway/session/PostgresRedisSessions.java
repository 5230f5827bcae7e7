package com.verivus.gateway.session;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.JobStoreUnavailableException;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresDsn;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** Builds the PostgreSQL (and PostgreSQL + Redis) session backends and their health://status reports. */
final class PostgresRedisSessions {

    /** Redis calls give up after this long, so a Redis that hangs costs a request little. */
    private static final int REDIS_TIMEOUT_MS = 2000;

    private PostgresRedisSessions() {
    }

    static SessionBackend postgresOnly(GatewayEnvironment env, PostgresDatabase db) {
        PostgresSessionStore store = new PostgresSessionStore(db, SessionTtl.from(env), Clock.systemUTC());
        return new SessionBackend(store, () -> {
            Map<String, Object> pg = postgresState(db);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "up".equals(pg.get("status")) ? "healthy" : "unhealthy");
            m.put("sessions", "postgres");
            m.put("postgres", pg);
            return m;
        }, () -> { }); // the job store owns and closes the pool
    }

    static SessionBackend open(GatewayEnvironment env, String databaseUrl, String redisUrl, Optional<JobStore> jobs) {
        URI redis = redisUri(redisUrl);
        String dbProblem = null;
        try {
            PostgresDsn.parse(databaseUrl);
        } catch (IllegalArgumentException e) {
            dbProblem = e.getMessage();
        }
        if (dbProblem != null) {
            throw new SessionStoreUnavailableException("Invalid database or redis URL: DATABASE_URL: " + dbProblem);
        }
        PostgresDatabase db;
        boolean ownsDb;
        Optional<PostgresDatabase> shared = jobs.filter(PostgresJobStore.class::isInstance)
                .map(j -> ((PostgresJobStore) j).database())
                .filter(d -> d.dsn().equals(PostgresDsn.parse(databaseUrl)));
        if (shared.isPresent()) {
            db = shared.get();
            ownsDb = false;
        } else {
            try {
                db = PostgresDatabase.open(databaseUrl);
            } catch (JobStoreUnavailableException e) {
                throw new SessionStoreUnavailableException("DATABASE_URL: " + e.getMessage());
            }
            ownsDb = true;
        }
        JedisPool pool = new JedisPool(new JedisPoolConfig(), redis, REDIS_TIMEOUT_MS);
        PostgresSessionStore pg = new PostgresSessionStore(db, SessionTtl.from(env), Clock.systemUTC());
        // "" keeps the Node gateway's key names; a prefix lets several fleets share one Redis
        String prefix = env.get("LLM_GATEWAY_REDIS_PREFIX").orElse("");
        RedisCachedSessionStore store = new RedisCachedSessionStore(pg, pool, prefix, SessionTtl.from(env),
                Clock.systemUTC());
        PostgresDatabase database = db;
        Supplier<Map<String, Object>> health = () -> status(postgresState(database), store.redisState());
        return new SessionBackend(store, health, () -> {
            store.close();
            if (ownsDb) {
                database.close();
            }
        });
    }

    /** healthy: both up; degraded: Redis down, PostgreSQL serves alone; unhealthy: PostgreSQL down. */
    static Map<String, Object> status(Map<String, Object> postgres, Map<String, Object> redis) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean pgUp = "up".equals(postgres.get("status"));
        boolean redisUp = "up".equals(redis.get("status"));
        m.put("status", !pgUp ? "unhealthy" : redisUp ? "healthy" : "degraded");
        m.put("sessions", "postgres+redis");
        m.put("postgres", postgres);
        m.put("redis", redis);
        return m;
    }

    static Map<String, Object> postgresState(PostgresDatabase db) {
        Map<String, Object> m = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            m.put("status", "up");
            m.put("latencyMs", Math.round((System.nanoTime() - started) / 1e4) / 100.0);
            m.put("error", null);
        } catch (SQLException e) {
            m.put("status", "down");
            m.put("latencyMs", null);
            m.put("error", e.getMessage());
        }
        m.put("dsn", db.dsn().redacted());
        return m;
    }

    /** The message never echoes the URL: it may carry a password. */
    private static URI redisUri(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new SessionStoreUnavailableException("Invalid database or redis URL: REDIS_URL is not a URL");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new SessionStoreUnavailableException(
                    "Invalid database or redis URL: REDIS_URL must start with redis:// or rediss://");
        }
        if (uri.getHost() == null) {
            throw new SessionStoreUnavailableException("Invalid database or redis URL: REDIS_URL names no host");
        }
        return uri;
    }
}
