package com.verivus.gateway.session;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses where sessions live, as the Node gateway does plus the job store's database:
 * <ul>
 * <li>{@code DATABASE_URL} and {@code REDIS_URL} both set: PostgreSQL at DATABASE_URL with Redis as
 *     cache and lock ({@link RedisCachedSessionStore}; the pool is shared with a postgres job store on
 *     the same URL);</li>
 * <li>else {@code [persistence] backend = "postgres"}: the job store's database, no Redis;</li>
 * <li>else sessions.json in the data directory ({@link FileSessionStore}).</li>
 * </ul>
 * The PostgreSQL and Redis classes are loaded only on the first two branches.
 */
public final class SessionStores {

    private SessionStores() {
    }

    /**
     * @throws SessionStoreUnavailableException when DATABASE_URL/REDIS_URL are malformed or DATABASE_URL's
     *         server cannot be used; the gateway must not start (Redis being down is not fatal: it degrades)
     */
    public static SessionBackend open(GatewayEnvironment env, PersistenceConfig persistence, Optional<JobStore> jobs,
                                      Path dataDirectory) {
        Optional<String> databaseUrl = env.get("DATABASE_URL").filter(v -> !v.isBlank());
        Optional<String> redisUrl = env.get("REDIS_URL").filter(v -> !v.isBlank());
        if (databaseUrl.isPresent() && redisUrl.isPresent()) {
            return PostgresRedisSessions.open(env, databaseUrl.get(), redisUrl.get(), jobs);
        }
        if (persistence.backend() == PersistenceConfig.Backend.POSTGRES && jobs.isPresent()
                && jobs.get() instanceof PostgresJobStore pg) {
            return PostgresRedisSessions.postgresOnly(env, pg.database());
        }
        return SessionBackend.file(new FileSessionStore(dataDirectory, env));
    }
}
