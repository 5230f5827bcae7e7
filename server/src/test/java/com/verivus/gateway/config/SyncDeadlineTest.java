package com.verivus.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncDeadlineTest {

    private final List<String> warnings = new ArrayList<>();

    private long deadline(Map<String, String> vars) {
        return SyncDeadline.fromEnvironment(new GatewayEnvironment(vars, Path.of("/tmp"), Path.of("/tmp")),
                warnings::add);
    }

    @Test
    void unset_or_empty_means_45_seconds_without_a_warning() {
        assertThat(deadline(Map.of())).isEqualTo(45_000);
        assertThat(deadline(Map.of("SYNC_DEADLINE_MS", " "))).isEqualTo(45_000);
        assertThat(warnings).isEmpty();
    }

    @Test
    void zero_and_positive_integers_are_taken() {
        assertThat(deadline(Map.of("SYNC_DEADLINE_MS", "0"))).isZero();
        assertThat(deadline(Map.of("SYNC_DEADLINE_MS", " 1500 "))).isEqualTo(1500);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anything_else_falls_back_to_the_default_with_a_warning() {
        for (String bad : List.of("-1", "abc", "1.5", "10s", "99999999999999999999")) {
            warnings.clear();
            assertThat(deadline(Map.of("SYNC_DEADLINE_MS", bad))).as(bad).isEqualTo(45_000);
            assertThat(warnings).as(bad).singleElement().asString().contains("SYNC_DEADLINE_MS=" + bad);
        }
    }
}
