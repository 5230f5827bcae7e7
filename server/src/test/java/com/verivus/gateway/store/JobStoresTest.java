package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfig.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoresTest {

    @TempDir
    Path dir;

    private static PersistenceConfig config(Backend backend, String path) {
        return new PersistenceConfig(backend, path, backend == Backend.POSTGRES ? "postgresql://u@h/db" : null, 30,
                3_600_000, backend == Backend.MEMORY, backend != Backend.NONE,
                new PersistenceConfig.Sources(null, List.of()));
    }

    @Test
    void sqliteOpensTheConfiguredFileWithTheConfiguredRetention() {
        Path file = dir.resolve("x").resolve("logs.db");
        Optional<JobStore> store = JobStores.open(config(Backend.SQLITE, file.toString()));
        assertThat(store).get().isInstanceOf(SqliteJobStore.class);
        assertThat(((SqliteJobStore) store.get()).path()).isEqualTo(file);
        assertThat(store.get().retentionMs()).isEqualTo(30L * 86_400_000);
        store.get().close();
        assertThat(file).exists();
    }

    @Test
    void memoryGivesAMemoryStore() {
        assertThat(JobStores.open(config(Backend.MEMORY, null))).get().isInstanceOf(MemoryJobStore.class);
    }

    @Test
    void noneGivesNoStore() {
        assertThat(JobStores.open(config(Backend.NONE, null))).isEmpty();
    }

    @Test
    void postgresRefusesToStartWithTheNodeGatewaysMessage() {
        assertThatThrownBy(() -> JobStores.open(config(Backend.POSTGRES, null)))
                .isInstanceOf(JobStoreUnavailableException.class)
                .hasMessage("PostgresJobStore is not yet implemented. Use backend = 'sqlite' (single-instance) or "
                        + "backend = 'memory' (ephemeral) until the Postgres backend ships.");
    }
}
