package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfig.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncJobsAvailabilityTest {

    private static PersistenceConfig config(Backend backend) {
        return new PersistenceConfig(backend, backend == Backend.SQLITE ? "/x/logs.db" : null, null, 30, 1000,
                false, backend != Backend.NONE, new PersistenceConfig.Sources(null, List.of()));
    }

    @Test
    void enabled_only_when_the_backend_is_not_none_and_a_store_opened() {
        assertThat(AsyncJobsAvailability.decide(config(Backend.SQLITE), true, null).enabled()).isTrue();
        assertThat(AsyncJobsAvailability.decide(config(Backend.MEMORY), true, null).enabled()).isTrue();
        assertThat(AsyncJobsAvailability.decide(config(Backend.SQLITE), false, "disk full").enabled()).isFalse();
        assertThat(AsyncJobsAvailability.decide(config(Backend.NONE), true, null).enabled()).isFalse();
    }

    @Test
    void backend_none_gives_the_documented_reason_whatever_the_store() {
        assertThat(AsyncJobsAvailability.decide(config(Backend.NONE), false, "ignored").reason())
                .isEqualTo(AsyncJobsAvailability.BACKEND_NONE_WARNING);
    }

    @Test
    void a_store_failure_names_the_backend_and_the_error() {
        String reason = AsyncJobsAvailability.decide(config(Backend.SQLITE), false, "unable to open database file")
                .reason();
        assertThat(reason).contains("'sqlite' job store could not be opened (unable to open database file)")
                .contains("NOT registered");
    }

    @Test
    void enabled_has_no_reason_and_a_reason_requires_disabled() {
        assertThat(AsyncJobsAvailability.decide(config(Backend.SQLITE), true, "stale").reason()).isNull();
        assertThatThrownBy(() -> new AsyncJobsAvailability(true, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsyncJobsAvailability(false, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
