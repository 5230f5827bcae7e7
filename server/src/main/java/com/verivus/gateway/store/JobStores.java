package com.verivus.gateway.store;

import com.verivus.gateway.config.PersistenceConfig;
import java.nio.file.Path;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import java.util.Optional;

/** Opens the job store the {@code [persistence]} config asks for. */
public final class JobStores {

    private JobStores() {
    }

    /**
     * sqlite → {@link SqliteJobStore} at {@code config.path()}; memory → {@link MemoryJobStore};
     * none → empty (no async tools); postgres → {@code PostgresJobStore} on the {@code dsn}. The
     * PostgreSQL classes are only loaded on that branch, so the other backends never pay for them.
     *
     * @throws JobStoreUnavailableException when the postgres backend cannot be opened (bad DSN,
     *         unreachable server, failed migration): a fatal start-up error, never a fall-back
     */
    public static Optional<JobStore> open(PersistenceConfig config) {
        return switch (config.backend()) {
            case SQLITE -> {
                if (config.path() == null || config.path().isBlank()) {
                    throw new JobStoreUnavailableException("[persistence].backend = 'sqlite' needs a path");
                }
                yield Optional.of(SqliteJobStore.open(Path.of(config.path()), config.retentionMs()));
            }
            case MEMORY -> Optional.of(new MemoryJobStore(config.retentionMs()));
            case NONE -> Optional.empty();
            case POSTGRES -> Optional.of(new PostgresJobStore(PostgresDatabase.open(config.dsn()), config.retentionMs(),
                    true));
        };
    }
}
