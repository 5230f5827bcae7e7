package com.verivus.gateway.store;

import com.verivus.gateway.config.PersistenceConfig;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the job store the {@code [persistence]} config asks for. */
public final class JobStores {

    /** What the Node gateway says about a Postgres backend; we refuse to start with it. */
    public static final String POSTGRES_NOT_IMPLEMENTED = "PostgresJobStore is not yet implemented. Use backend = "
            + "'sqlite' (single-instance) or backend = 'memory' (ephemeral) until the Postgres backend ships.";

    private JobStores() {
    }

    /**
     * sqlite → {@link SqliteJobStore} at {@code config.path()}; memory → {@link MemoryJobStore};
     * none → empty (no async tools); postgres → {@link JobStoreUnavailableException}.
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
            case POSTGRES -> throw new JobStoreUnavailableException(POSTGRES_NOT_IMPLEMENTED);
        };
    }
}
