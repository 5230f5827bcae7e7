package com.verivus.gateway.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

/**
 * A lease-style Redis lock, as the Node gateway's session manager takes it: {@code SET key token EX
 * NX}, retried every 25–50 ms until a deadline. Release is an atomic compare-and-delete without Lua
 * (the 1.5.14 change): {@code WATCH key}, {@code GET}, and only when the value is still our token
 * {@code MULTI DEL EXEC} — on one connection borrowed for the whole exchange, so no other caller's
 * commands interleave with the WATCH. A holder whose lease expired and passed to someone else thus
 * never deletes the new holder's lock: the GET sees another token, or the EXEC is aborted because the
 * key changed after the WATCH.
 */
final class RedisLock {

    private final JedisPool pool;
    private final Duration lease;
    private final Duration wait;

    RedisLock(JedisPool pool, Duration lease, Duration wait) {
        this.pool = pool;
        this.lease = lease;
        this.wait = wait;
    }

    /** The token of the lock now held, or empty when {@link #wait} passed without getting it. */
    Optional<String> acquire(String key) throws InterruptedException {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        SetParams params = SetParams.setParams().nx().ex(Math.max(1, lease.toSeconds()));
        while (true) {
            try (Jedis jedis = pool.getResource()) {
                if ("OK".equals(jedis.set(key, token, params))) {
                    return Optional.of(token);
                }
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(25 + ThreadLocalRandom.current().nextInt(26));
        }
    }

    /** Deletes the lock only while it still holds {@code token}; true when it did. */
    boolean release(String key, String token) {
        try (Jedis jedis = pool.getResource()) {
            try {
                jedis.watch(key);
                if (!token.equals(jedis.get(key))) {
                    jedis.unwatch();
                    return false;
                }
                Transaction tx = jedis.multi();
                tx.del(key);
                List<Object> done = tx.exec();
                return done != null && !done.isEmpty(); // null/empty: the key changed after WATCH, aborted
            } catch (RuntimeException e) {
                try {
                    jedis.unwatch();
                } catch (RuntimeException ignored) {
                    // the connection is broken; the pool drops it
                }
                throw e;
            }
        }
    }
}
