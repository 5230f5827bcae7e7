package com.verivus.gateway.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.CliName;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Node gateway's PostgreSQL + Redis session manager (DATABASE_URL + REDIS_URL): PostgreSQL holds
 * the sessions, Redis caches them — cache-aside reads of {@code session:<id>} (1 h),
 * {@code active_session:<cli>} (30 min) and {@code session_list:<cli>} (2 min), write-through on create,
 * invalidation on every change — and {@link #setActive} runs under the per-CLI lock
 * {@code lock:active_session:<cli>} ({@link RedisLock}). Unlike Node, cached sessions are checked
 * against the TTL too, and a Redis that fails or is down only costs the cache: every operation then
 * goes to PostgreSQL alone (reads keep working), and {@link #redisState} says so for health://status.
 */
public final class RedisCachedSessionStore implements SessionStore, AutoCloseable {

    static final Duration SESSION_TTL = Duration.ofSeconds(3600);
    static final Duration ACTIVE_TTL = Duration.ofSeconds(1800);
    static final Duration LIST_TTL = Duration.ofSeconds(120);
    static final Duration LOCK_LEASE = Duration.ofSeconds(5);
    static final Duration LOCK_WAIT = Duration.ofMillis(6000);

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private final SessionStore db;
    private final JedisPool pool;
    private final RedisLock lock;
    private final String prefix;
    private final long ttlMillis;
    private final Clock clock;
    private final AtomicReference<String> lastRedisError = new AtomicReference<>();

    /**
     * @param prefix put before every key ("" in production, so the keys are Node's; tests isolate with it)
     */
    public RedisCachedSessionStore(PostgresSessionStore db, JedisPool pool, String prefix, Duration ttl, Clock clock) {
        this.db = db;
        db.onExpiredDelete((id, cli) -> invalidate(List.of("session:" + id, "session_list:" + cli.key(),
                "active_session:" + cli.key())));
        this.pool = pool;
        this.prefix = prefix;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.lock = new RedisLock(pool, LOCK_LEASE, LOCK_WAIT);
    }

    // ------------------------------------------------------------------ reads (cache-aside)

    @Override
    public Optional<Session> get(String id) {
        Optional<Session> cached = cache(r -> r.get(key("session:" + id))).map(RedisCachedSessionStore::fromJson);
        if (cached.isPresent() && !expired(cached.get())) {
            return cached;
        }
        Optional<Session> session = db.get(id);
        if (session.isPresent()) {
            cache(r -> r.setex(key("session:" + id), SESSION_TTL.toSeconds(), toJson(session.get())));
        } else if (cached.isPresent()) {
            invalidate(List.of("session:" + id));
        }
        return session;
    }

    @Override
    public List<Session> list() {
        return db.list();
    }

    @Override
    public List<Session> list(CliName cli) {
        Optional<List<Session>> cached = cache(r -> r.get(key("session_list:" + cli.key())))
                .map(RedisCachedSessionStore::listFromJson);
        if (cached.isPresent() && cached.get().stream().noneMatch(this::expired)) {
            return cached.get();
        }
        List<Session> sessions = db.list(cli);
        cache(r -> r.setex(key("session_list:" + cli.key()), LIST_TTL.toSeconds(), listToJson(sessions)));
        return sessions;
    }

    @Override
    public Optional<Session> getActive(CliName cli) {
        Optional<String> cachedId = cache(r -> r.get(key("active_session:" + cli.key())));
        if (cachedId.isPresent()) {
            Optional<Session> session = get(cachedId.get()).filter(s -> s.cli() == cli);
            if (session.isPresent()) {
                return session;
            }
            invalidate(List.of("active_session:" + cli.key()));
        }
        Optional<Session> active = db.getActive(cli);
        active.ifPresent(s -> cache(r -> r.setex(key("active_session:" + cli.key()), ACTIVE_TTL.toSeconds(), s.id())));
        return active;
    }

    /** A consistent read of every pointer: from PostgreSQL. */
    @Override
    public Map<CliName, String> activeSessionIds() {
        return db.activeSessionIds();
    }

    @Override
    public Overview overview(CliName cliOrNull) {
        return db.overview(cliOrNull);
    }

    // ------------------------------------------------------------------ writes (write-through, invalidation)

    @Override
    public Session create(CliName cli, String description, String id, Activation activation) {
        Optional<CliName> previousCli = id == null || id.isEmpty() ? Optional.empty() : db.get(id).map(Session::cli);
        Session session = db.create(cli, description, id, activation);
        List<String> stale = new ArrayList<>(List.of("session_list:" + cli.key(), "active_session:" + cli.key()));
        previousCli.filter(p -> p != cli).ifPresent(p -> {
            stale.add("session_list:" + p.key());
            stale.add("active_session:" + p.key());
        });
        invalidate(stale);
        cache(r -> r.setex(key("session:" + session.id()), SESSION_TTL.toSeconds(), toJson(session)));
        return session;
    }

    @Override
    public boolean setActive(CliName cli, String id) {
        String lockKey = key("lock:active_session:" + cli.key());
        Optional<String> token;
        try {
            token = redisUp() ? lockOrDegrade(lockKey) : Optional.of("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreException("Interrupted while waiting for the active-session lock of " + cli.key(), e);
        }
        if (token.isEmpty()) {
            throw new SessionStoreException("Failed to acquire lock for active session " + cli.key(), null);
        }
        try {
            boolean changed = db.setActive(cli, id);
            if (changed) {
                if (id == null) {
                    invalidate(List.of("active_session:" + cli.key()));
                } else {
                    cache(r -> r.setex(key("active_session:" + cli.key()), ACTIVE_TTL.toSeconds(), id));
                }
            }
            return changed;
        } finally {
            if (!token.get().isEmpty()) {
                try {
                    lock.release(lockKey, token.get());
                } catch (RuntimeException e) {
                    redisFailed("lock release", e); // the lease expires by itself
                }
            }
        }
    }

    /** The lock's token; "" (proceed unlocked, PostgreSQL's upsert is atomic) when Redis fails meanwhile. */
    private Optional<String> lockOrDegrade(String lockKey) throws InterruptedException {
        try {
            Optional<String> token = lock.acquire(lockKey);
            redisOk();
            return token;
        } catch (RuntimeException e) {
            redisFailed("lock", e);
            return Optional.of("");
        }
    }

    @Override
    public void updateUsage(String id) {
        Optional<CliName> cli = db.get(id).map(Session::cli);
        db.updateUsage(id);
        invalidate(sessionKeys(id, cli));
    }

    @Override
    public boolean updateMetadata(String id, Map<String, Object> metadata) {
        Optional<CliName> cli = db.get(id).map(Session::cli);
        boolean updated = db.updateMetadata(id, metadata);
        invalidate(sessionKeys(id, cli));
        return updated;
    }

    @Override
    public boolean delete(String id) {
        Optional<CliName> cli = db.get(id).map(Session::cli);
        boolean deleted = db.delete(id);
        List<String> keys = new ArrayList<>(sessionKeys(id, cli));
        cli.ifPresent(c -> keys.add("active_session:" + c.key()));
        invalidate(keys);
        return deleted;
    }

    /** Every CLI's cached pointer and list go when clearing all (Node forgot grok and mistral). */
    @Override
    public int clearAll(CliName cliOrNull) {
        int n = db.clearAll(cliOrNull);
        List<String> keys = new ArrayList<>();
        for (CliName cli : CliName.values()) {
            if (cliOrNull == null || cli == cliOrNull) {
                keys.add("active_session:" + cli.key());
                keys.add("session_list:" + cli.key());
            }
        }
        invalidate(keys);
        cache(r -> {
            deleteMatching(r, key("session:*"));
            return null;
        });
        return n;
    }

    // ------------------------------------------------------------------ health

    /** Redis's state as health://status shows it: up or down, the round-trip latency, the last error. */
    public Map<String, Object> redisState() {
        Map<String, Object> m = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (Jedis jedis = pool.getResource()) {
            jedis.ping();
            m.put("status", "up");
            m.put("latencyMs", Math.round((System.nanoTime() - started) / 1e4) / 100.0);
            redisOk();
        } catch (RuntimeException e) {
            redisFailed("ping", e);
            m.put("status", "down");
            m.put("latencyMs", null);
        }
        m.put("lastError", lastRedisError.get());
        return m;
    }

    @Override
    public void close() {
        pool.close();
    }

    // ------------------------------------------------------------------ helpers

    private List<String> sessionKeys(String id, Optional<CliName> cli) {
        List<String> keys = new ArrayList<>(List.of("session:" + id));
        cli.ifPresent(c -> keys.add("session_list:" + c.key()));
        return keys;
    }

    private boolean expired(Session session) {
        Optional<Instant> lastUsed = session.lastUsed();
        return lastUsed.isEmpty() || clock.millis() - lastUsed.get().toEpochMilli() > ttlMillis;
    }

    private String key(String name) {
        return prefix + name;
    }

    private void invalidate(List<String> names) {
        cache(r -> r.del(names.stream().map(this::key).toArray(String[]::new)));
    }

    private static void deleteMatching(Jedis r, String pattern) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(100);
        do {
            ScanResult<String> page = r.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                r.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private boolean redisUp() {
        return lastRedisError.get() == null || redisState().get("status").equals("up");
    }

    /** One Redis call; a failure is logged (once per outage) and reads as a cache miss. */
    private <T> Optional<T> cache(Function<Jedis, T> call) {
        try (Jedis jedis = pool.getResource()) {
            T value = call.apply(jedis);
            redisOk();
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            redisFailed("cache", e);
            return Optional.empty();
        }
    }

    private void redisOk() {
        if (lastRedisError.getAndSet(null) != null) {
            GatewayLog.info("Redis is back; the session cache is in use again");
        }
    }

    private void redisFailed(String what, RuntimeException e) {
        String message = what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        if (lastRedisError.getAndSet(message) == null) {
            GatewayLog.warn("Redis failed (" + message + "); sessions are served from PostgreSQL alone until it is back");
        }
    }

    private static String toJson(Session s) {
        try {
            return JSON.writeValueAsString(s.toJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String listToJson(List<Session> sessions) {
        try {
            return JSON.writeValueAsString(sessions.stream().map(Session::toJson).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cached value this code cannot read (another version wrote it) is a miss: null. */
    private static Session fromJson(String json) {
        try {
            return fromMap(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Session> listFromJson(String json) {
        try {
            List<Map<String, Object>> maps = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
            return maps.stream().map(RedisCachedSessionStore::fromMap).toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Session fromMap(Map<String, Object> m) {
        return new Session((String) m.get("id"), CliName.fromKey((String) m.get("cli")).orElseThrow(),
                (String) m.get("createdAt"), (String) m.get("lastUsedAt"), (String) m.get("description"),
                (Map<String, Object>) m.get("metadata"), null);
    }
}
