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

    /** {@code pathOrDsn}: the SQLite path, or for postgres the DSN. */
    private static PersistenceConfig config(Backend backend, String pathOrDsn) {
        String path = backend == Backend.POSTGRES ? null : pathOrDsn;
        String dsn = backend == Backend.POSTGRES ? pathOrDsn : null;
        return new PersistenceConfig(backend, path, dsn, 30,
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
    void postgresWithADsnThatIsNotAPostgresUrlIsUnavailableSayingWhy() {
        assertThatThrownBy(() -> JobStores.open(config(Backend.POSTGRES, "mysql://u:pw@h/db")))
                .isInstanceOf(JobStoreUnavailableException.class)
                .hasMessage("Invalid [persistence].dsn: the PostgreSQL DSN must start with postgresql:// or "
                        + "postgres:// (got mysql://)");
    }
}
