package com.verivus.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.PersistenceConfig.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceConfigLoaderTest {

    @TempDir
    Path home;
    @TempDir
    Path cwd;

    private final Map<String, String> vars = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private PersistenceConfig load() {
        return PersistenceConfigLoader.load(new GatewayEnvironment(vars, home, cwd), warnings::add);
    }

    private Path defaultConfig(String toml) throws IOException {
        Path file = home.resolve(".llm-cli-gateway/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        return file;
    }

    private Path write(Path file, String toml) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        return file;
    }

    private String defaultDb() {
        return home.resolve(".llm-cli-gateway/logs.db").toString();
    }

    @Nested
    class Defaults {

        @Test
        void without_a_config_file_every_setting_has_its_default_and_no_source() {
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.SQLITE);
            assertThat(c.path()).isEqualTo(defaultDb());
            assertThat(c.dsn()).isNull();
            assertThat(c.retentionDays()).isEqualTo(30.0);
            assertThat(c.dedupWindowMs()).isEqualTo(3_600_000L);
            assertThat(c.acknowledgeEphemeral()).isFalse();
            assertThat(c.asyncJobsEnabled()).isTrue();
            assertThat(c.sources().configFile()).isNull();
            assertThat(c.sources().envOverrides()).isEmpty();
            assertThat(warnings).isEmpty();
        }

        @Test
        void the_data_directory_of_the_default_store_is_the_users_gateway_directory() {
            PersistenceConfig c = load();
            assertThat(c.dataDirectory(new GatewayEnvironment(vars, home, cwd)))
                    .isEqualTo(home.resolve(".llm-cli-gateway"));
        }
    }

    @Nested
    class ConfigFile {

        @Test
        void the_default_location_is_read_and_reported_as_the_config_file() throws IOException {
            Path file = defaultConfig("""
                    [persistence]
                    backend = "sqlite"
                    path = "/var/tmp/jobs.db"
                    retentionDays = 7
                    dedupWindowMs = 1000
                    acknowledgeEphemeral = true
                    """);
            PersistenceConfig c = load();
            assertThat(c.path()).isEqualTo("/var/tmp/jobs.db");
            assertThat(c.retentionDays()).isEqualTo(7.0);
            assertThat(c.dedupWindowMs()).isEqualTo(1000L);
            assertThat(c.acknowledgeEphemeral()).isTrue();
            assertThat(c.sources().configFile()).isEqualTo(file.toString());
            assertThat(warnings).isEmpty();
        }

        @Test
        void llm_gateway_config_wins_over_the_default_location_and_is_reported_verbatim() throws IOException {
            defaultConfig("[persistence]\nretentionDays = 99\n");
            write(cwd.resolve("proj/.gateway/config.toml"), "[persistence]\nretentionDays = 2\n");
            vars.put("LLM_GATEWAY_CONFIG", "proj/.gateway/config.toml");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(2.0);
            assertThat(c.sources().configFile()).isEqualTo("proj/.gateway/config.toml");
        }

        @Test
        void an_empty_llm_gateway_config_is_a_path_that_does_not_exist_so_defaults_apply() throws IOException {
            defaultConfig("[persistence]\nretentionDays = 99\n");
            vars.put("LLM_GATEWAY_CONFIG", "");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(30.0);
            assertThat(c.sources().configFile()).isNull();
            assertThat(warnings).isEmpty();
        }

        @Test
        void llm_gateway_config_is_not_tilde_expanded() throws IOException {
            write(home.resolve("custom.toml"), "[persistence]\nretentionDays = 5\n");
            vars.put("LLM_GATEWAY_CONFIG", "~/custom.toml");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(30.0);
            assertThat(c.sources().configFile()).isNull();
        }

        @Test
        void a_missing_file_named_by_llm_gateway_config_means_defaults_without_a_warning() {
            vars.put("LLM_GATEWAY_CONFIG", home.resolve("nope.toml").toString());
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.SQLITE);
            assertThat(c.sources().configFile()).isNull();
            assertThat(warnings).isEmpty();
        }

        @Test
        void other_tables_are_allowed_and_ignored() throws IOException {
            Path file = defaultConfig("""
                    title = "mine"
                    [server]
                    whatever = 1
                    [persistence]
                    retentionDays = 3
                    [persistence.extra_is_not_here]
                    """.replace("[persistence.extra_is_not_here]\n", "") + "[models]\nfoo = [1, 2]\n");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(3.0);
            assertThat(c.sources().configFile()).isEqualTo(file.toString());
        }

        @Test
        void a_file_without_a_persistence_table_is_the_config_file_with_defaults() throws IOException {
            Path file = defaultConfig("[other]\nx = 1\n");
            PersistenceConfig c = load();
            assertThat(c.path()).isEqualTo(defaultDb());
            assertThat(c.sources().configFile()).isEqualTo(file.toString());
        }

        @Test
        void a_file_that_does_not_parse_is_ignored_with_a_warning_and_no_config_file() throws IOException {
            Path file = defaultConfig("[persistence]\nbackend = \"memory\"\nacknowledgeEphemeral = \n");
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.SQLITE);
            assertThat(c.sources().configFile()).isNull();
            assertThat(warnings).singleElement().asString()
                    .startsWith("Failed to parse gateway config at " + file + "; using defaults");
        }

        @Test
        void duplicate_keys_are_a_parse_error() throws IOException {
            defaultConfig("[persistence]\nretentionDays = 1\nretentionDays = 2\n");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(30.0);
            assertThat(warnings).singleElement().asString().startsWith("Failed to parse gateway config at");
        }

        @Test
        void a_directory_in_place_of_the_file_is_reported_like_a_parse_failure() throws IOException {
            Files.createDirectories(home.resolve("dir.toml"));
            vars.put("LLM_GATEWAY_CONFIG", home.resolve("dir.toml").toString());
            PersistenceConfig c = load();
            assertThat(c.sources().configFile()).isNull();
            assertThat(warnings).singleElement().asString()
                    .startsWith("Failed to parse gateway config at " + home.resolve("dir.toml") + "; using defaults");
        }
    }

    @Nested
    class StrictSchema {

        private void assertRejected(String table, String... fragments) throws IOException {
            defaultConfig("[persistence]\n" + table + "\n");
            assertThatThrownBy(PersistenceConfigLoaderTest.this::load)
                    .isInstanceOf(PersistenceConfigException.class)
                    .hasMessageStartingWith("Invalid [persistence] config: ")
                    .hasMessageContainingAll(fragments);
        }

        @Test
        void an_unknown_key_fails_startup_naming_the_key() throws IOException {
            assertRejected("backend = \"sqlite\"\ndbPath = \"/x.db\"", "'dbPath'");
        }

        @Test
        void every_unknown_key_is_named() throws IOException {
            assertRejected("retention = 3\nttl = 4", "'retention'", "'ttl'");
        }

        @Test
        void an_unknown_backend_is_rejected() throws IOException {
            assertRejected("backend = \"mysql\"", "backend", "mysql");
        }

        @Test
        void retention_days_must_be_positive() throws IOException {
            assertRejected("retentionDays = 0", "retentionDays");
        }

        @Test
        void retention_days_must_be_a_number() throws IOException {
            assertRejected("retentionDays = \"30\"", "retentionDays");
        }

        @Test
        void dedup_window_must_be_an_integer() throws IOException {
            assertRejected("dedupWindowMs = 1.5", "dedupWindowMs");
        }

        @Test
        void dedup_window_must_not_be_negative() throws IOException {
            assertRejected("dedupWindowMs = -1", "dedupWindowMs");
        }

        @Test
        void acknowledge_ephemeral_must_be_a_boolean() throws IOException {
            assertRejected("acknowledgeEphemeral = \"yes\"", "acknowledgeEphemeral");
        }

        @Test
        void path_must_be_a_string() throws IOException {
            assertRejected("path = 5", "path");
        }

        @Test
        void persistence_must_be_a_table() throws IOException {
            defaultConfig("persistence = 5\n");
            assertThatThrownBy(PersistenceConfigLoaderTest.this::load)
                    .isInstanceOf(PersistenceConfigException.class)
                    .hasMessageStartingWith("Invalid [persistence] config: ");
        }

        @Test
        void fractional_retention_and_zero_dedup_window_are_valid() throws IOException {
            defaultConfig("[persistence]\nretentionDays = 0.5\ndedupWindowMs = 0\n");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(0.5);
            assertThat(c.dedupWindowMs()).isZero();
            assertThat(c.retentionMs()).isEqualTo(43_200_000L);
        }
    }

    @Nested
    class SqlitePath {

        @Test
        void a_leading_tilde_slash_is_expanded_against_home() throws IOException {
            defaultConfig("[persistence]\npath = \"~/data/jobs.db\"\n");
            assertThat(load().path()).isEqualTo(home.resolve("data/jobs.db").toString());
        }

        @Test
        void other_forms_are_kept_literally() throws IOException {
            for (String literal : List.of("~", "~user/jobs.db", "rel/jobs.db")) {
                defaultConfig("[persistence]\npath = \"" + literal + "\"\n");
                assertThat(load().path()).as(literal).isEqualTo(literal);
            }
        }

        @Test
        void the_data_directory_follows_the_sqlite_file() throws IOException {
            defaultConfig("[persistence]\npath = \"" + cwd.resolve(".gateway/logs.db") + "\"\n");
            PersistenceConfig c = load();
            assertThat(c.dataDirectory(new GatewayEnvironment(vars, home, cwd))).isEqualTo(cwd.resolve(".gateway"));
        }

        @Test
        void non_sqlite_backends_have_no_path_and_only_postgres_keeps_a_dsn() throws IOException {
            defaultConfig("""
                    [persistence]
                    backend = "memory"
                    acknowledgeEphemeral = true
                    path = "/x.db"
                    dsn = "postgresql://u:p@h/db"
                    """);
            PersistenceConfig c = load();
            assertThat(c.path()).isNull();
            assertThat(c.dsn()).isNull();
            assertThat(c.dataDirectory(new GatewayEnvironment(vars, home, cwd)))
                    .isEqualTo(home.resolve(".llm-cli-gateway"));
        }
    }

    @Nested
    class Backends {

        @Test
        void memory_without_acknowledgement_refuses_to_start_with_the_documented_message() throws IOException {
            defaultConfig("[persistence]\nbackend = \"memory\"\n");
            assertThatThrownBy(PersistenceConfigLoaderTest.this::load)
                    .isInstanceOf(PersistenceConfigException.class)
                    .hasMessage("[persistence].backend = 'memory' is ephemeral — async job results are lost on "
                            + "gateway exit. Set [persistence].acknowledgeEphemeral = true (or "
                            + "LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL=1) to confirm this is intentional.");
        }

        @Test
        void memory_with_acknowledgement_enables_async_jobs() throws IOException {
            defaultConfig("[persistence]\nbackend = \"memory\"\nacknowledgeEphemeral = true\n");
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.MEMORY);
            assertThat(c.asyncJobsEnabled()).isTrue();
            assertThat(warnings).isEmpty();
        }

        @Test
        void postgres_without_dsn_refuses_to_start_with_the_documented_message() throws IOException {
            defaultConfig("[persistence]\nbackend = \"postgres\"\ndsn = \"  \"\n");
            assertThatThrownBy(PersistenceConfigLoaderTest.this::load)
                    .isInstanceOf(PersistenceConfigException.class)
                    .hasMessage("[persistence].backend = 'postgres' requires a non-empty 'dsn' "
                            + "(e.g. postgresql://user:pw@host/db)");
        }

        @Test
        void postgres_with_dsn_keeps_it() throws IOException {
            defaultConfig("[persistence]\nbackend = \"postgres\"\ndsn = \"postgresql://u:pw@h/db\"\n");
            PersistenceConfig c = load();
            assertThat(c.dsn()).isEqualTo("postgresql://u:pw@h/db");
            assertThat(c.path()).isNull();
            assertThat(c.asyncJobsEnabled()).isTrue();
        }

        @Test
        void none_disables_async_jobs_with_a_warning() throws IOException {
            defaultConfig("[persistence]\nbackend = \"none\"\n");
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.NONE);
            assertThat(c.asyncJobsEnabled()).isFalse();
            assertThat(c.path()).isNull();
            assertThat(warnings).containsExactly("Async job persistence is DISABLED (backend = 'none'). "
                    + "*_request_async tools will NOT be registered on this gateway.");
        }
    }

    @Nested
    class LegacyEnvironment {

        @BeforeEach
        void fileSaysMemory() throws IOException {
            defaultConfig("""
                    [persistence]
                    backend = "memory"
                    acknowledgeEphemeral = true
                    retentionDays = 9
                    dedupWindowMs = 500
                    """);
        }

        @Test
        void jobs_db_overrides_the_file_with_a_sqlite_path_and_a_deprecation_warning() {
            vars.put("LLM_GATEWAY_JOBS_DB", "  /tmp/legacy.db  ");
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.SQLITE);
            assertThat(c.path()).isEqualTo("/tmp/legacy.db");
            assertThat(c.retentionDays()).isEqualTo(9.0);
            assertThat(c.sources().envOverrides()).containsExactly("LLM_GATEWAY_JOBS_DB");
            assertThat(warnings).containsExactly(
                    "LLM_GATEWAY_JOBS_DB is deprecated; migrate to [persistence] in ~/.llm-cli-gateway/config.toml");
        }

        @Test
        void jobs_db_wins_over_logs_db_and_only_the_used_one_is_recorded() {
            vars.put("LLM_GATEWAY_JOBS_DB", "/tmp/jobs.db");
            vars.put("LLM_GATEWAY_LOGS_DB", "/tmp/logs.db");
            PersistenceConfig c = load();
            assertThat(c.path()).isEqualTo("/tmp/jobs.db");
            assertThat(c.sources().envOverrides()).containsExactly("LLM_GATEWAY_JOBS_DB");
        }

        @Test
        void logs_db_applies_when_jobs_db_is_empty() {
            vars.put("LLM_GATEWAY_JOBS_DB", "");
            vars.put("LLM_GATEWAY_LOGS_DB", "~/logs.db");
            PersistenceConfig c = load();
            assertThat(c.path()).isEqualTo(home.resolve("logs.db").toString());
            assertThat(c.sources().envOverrides()).containsExactly("LLM_GATEWAY_LOGS_DB");
        }

        @Test
        void none_in_any_case_disables_persistence() {
            vars.put("LLM_GATEWAY_LOGS_DB", " NoNe ");
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.NONE);
            assertThat(c.path()).isNull();
            assertThat(c.asyncJobsEnabled()).isFalse();
            assertThat(warnings).containsExactly(
                    "LLM_GATEWAY_LOGS_DB is deprecated; migrate to [persistence] in ~/.llm-cli-gateway/config.toml",
                    PersistenceConfigLoader.NONE_WARNING);
        }

        @Test
        void valid_retention_and_dedup_values_override_the_file() {
            vars.put("LLM_GATEWAY_JOB_RETENTION_DAYS", "7.5");
            vars.put("LLM_GATEWAY_DEDUP_WINDOW_MS", "0");
            PersistenceConfig c = load();
            assertThat(c.retentionDays()).isEqualTo(7.5);
            assertThat(c.dedupWindowMs()).isZero();
            assertThat(c.sources().envOverrides())
                    .containsExactly("LLM_GATEWAY_JOB_RETENTION_DAYS", "LLM_GATEWAY_DEDUP_WINDOW_MS");
            assertThat(warnings).hasSize(2).allMatch(w -> w.contains("is deprecated; migrate to [persistence]"));
        }

        @Test
        void unusable_retention_and_negative_dedup_values_are_silently_ignored() {
            for (String bad : List.of("0", "-3", "abc", "Infinity", "NaN")) {
                vars.put("LLM_GATEWAY_JOB_RETENTION_DAYS", bad);
                vars.put("LLM_GATEWAY_DEDUP_WINDOW_MS", bad.equals("0") ? "-1" : bad);
                warnings.clear();
                PersistenceConfig c = load();
                assertThat(c.retentionDays()).as(bad).isEqualTo(9.0);
                assertThat(c.dedupWindowMs()).as(bad).isEqualTo(500L);
                assertThat(c.sources().envOverrides()).as(bad).isEmpty();
                assertThat(warnings).as(bad).isEmpty();
            }
        }

        @Test
        void a_fractional_dedup_window_from_the_environment_fails_startup() {
            vars.put("LLM_GATEWAY_DEDUP_WINDOW_MS", "1.5");
            assertThatThrownBy(PersistenceConfigLoaderTest.this::load)
                    .isInstanceOf(PersistenceConfigException.class)
                    .hasMessageStartingWith("Invalid [persistence] config: ")
                    .hasMessageContaining("dedupWindowMs");
        }

        @Test
        void acknowledge_ephemeral_accepts_1_true_yes_in_any_case() {
            for (String yes : List.of("1", "TRUE", "Yes")) {
                vars.put("LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL", yes);
                assertThat(load().acknowledgeEphemeral()).as(yes).isTrue();
            }
        }

        @Test
        void any_other_acknowledge_value_turns_a_file_true_off() {
            vars.put("LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL", "no");
            assertThatThrownBy(PersistenceConfigLoaderTest.this::load)
                    .isInstanceOf(PersistenceConfigException.class)
                    .hasMessage(PersistenceConfigLoader.MEMORY_WITHOUT_ACK);
        }

        @Test
        void empty_variables_count_as_not_set() {
            for (String name : List.of("LLM_GATEWAY_JOBS_DB", "LLM_GATEWAY_LOGS_DB", "LLM_GATEWAY_JOB_RETENTION_DAYS",
                    "LLM_GATEWAY_DEDUP_WINDOW_MS", "LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL")) {
                vars.put(name, "");
            }
            PersistenceConfig c = load();
            assertThat(c.backend()).isEqualTo(Backend.MEMORY);
            assertThat(c.sources().envOverrides()).isEmpty();
            assertThat(warnings).isEmpty();
        }

        @Test
        void the_environment_also_applies_without_any_config_file() throws IOException {
            Files.delete(home.resolve(".llm-cli-gateway/config.toml"));
            vars.put("LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL", "1");
            PersistenceConfig c = load();
            assertThat(c.acknowledgeEphemeral()).isTrue();
            assertThat(c.sources().configFile()).isNull();
            assertThat(c.sources().envOverrides()).containsExactly("LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL");
        }
    }
}
