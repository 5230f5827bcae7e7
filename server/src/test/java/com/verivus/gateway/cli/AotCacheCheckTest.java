package com.verivus.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AotCacheCheckTest {

    @Test
    void a_cache_the_jvm_mapped_needs_no_warning() {
        assertThat(AotCacheCheck.problem("/c/gateway.aot", "mixed mode, sharing")).isEmpty();
    }

    @Test
    void no_cache_asked_for_needs_no_warning() {
        assertThat(AotCacheCheck.problem(null, "mixed mode")).isEmpty();
        assertThat(AotCacheCheck.problem(" ", "mixed mode")).isEmpty();
    }

    @Test
    void a_cache_asked_for_but_not_mapped_is_named_in_the_warning() {
        assertThat(AotCacheCheck.problem("/c/gateway.aot", "mixed mode"))
                .hasValueSatisfying(w -> assertThat(w).contains("/c/gateway.aot").contains("could not be used"));
    }
}
