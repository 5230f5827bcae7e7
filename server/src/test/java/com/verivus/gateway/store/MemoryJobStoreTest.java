package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.PersistenceConfig;
import org.junit.jupiter.api.Test;

class MemoryJobStoreTest extends AbstractJobStoreTest {

    @Override
    JobStore open() {
        return new MemoryJobStore(RETENTION_MS);
    }

    @Test
    void reportsTheMemoryBackend() {
        assertThat(store.backend()).isEqualTo(PersistenceConfig.Backend.MEMORY);
        assertThat(store.retentionMs()).isEqualTo(RETENTION_MS);
    }
}
