package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessHealthReportTest {

    @TempDir
    Path home;

    private final Map<String, String> vars = new HashMap<>();

    private GatewayEnvironment env() {
        return new GatewayEnvironment(vars, home, home);
    }

    private PersistenceConfig config(String toml) throws IOException {
        if (toml != null) {
            Path file = home.resolve("cfg.toml");
            Files.writeString(file, toml);
            vars.put("LLM_GATEWAY_CONFIG", file.toString());
        }
        return PersistenceConfigLoader.load(env(), w -> { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> persistence(Map<String, Object> body) {
        return (Map<String, Object>) body.get("persistence");
    }

    @Test
    void the_body_has_the_node_fields_in_order_plus_path_data_dir_and_registration() throws IOException {
        PersistenceConfig cfg = config(null);
        ProcessHealthReport report = new ProcessHealthReport(cfg, env(), JobHealthSource.NONE,
                AsyncJobsAvailability.decide(cfg, true, null));
        Map<String, Object> body = report.body();
        assertThat(body).containsOnlyKeys("success", "runningJobs", "deadJobs", "zombieJobs", "jobs", "persistence");
        assertThat(List.copyOf(body.keySet()))
                .containsExactly("success", "runningJobs", "deadJobs", "zombieJobs", "jobs", "persistence");
        assertThat(body).containsEntry("success", true).containsEntry("runningJobs", 0).containsEntry("jobs", List.of());
        Map<String, Object> p = persistence(body);
        String db = home.resolve(".llm-cli-gateway/logs.db").toString();
        assertThat(p).containsEntry("backend", "sqlite").containsEntry("dbPath", db).containsEntry("path", db)
                .containsEntry("dataDir", home.resolve(".llm-cli-gateway").toString())
                .containsEntry("dsn", null).containsEntry("retentionDays", 30L)
                .containsEntry("dedupWindowMs", 3_600_000L).containsEntry("asyncJobsEnabled", true)
                .containsEntry("acknowledgeEphemeral", false).containsEntry("asyncToolsRegistered", true)
                .containsEntry("warning", null);
        assertThat(p.get("sources")).isEqualTo(mapOf("configFile", null, "envOverrides", List.of(),
                "selectedBy", "default", "unapprovedProjectConfig", null));
    }

    @Test
    void the_json_is_pretty_printed_like_json_stringify_and_parses_back_to_the_body() throws IOException {
        PersistenceConfig cfg = config(null);
        ProcessHealthReport report = new ProcessHealthReport(cfg, env(), JobHealthSource.NONE,
                AsyncJobsAvailability.decide(cfg, true, null));
        String json = report.json();
        assertThat(json).startsWith("{\n  \"success\": true,\n  \"runningJobs\": 0,")
                .contains("\"jobs\": [],").contains("\"envOverrides\": []").contains("\"retentionDays\": 30,");
        Map<String, Object> parsed = new ObjectMapper().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(parsed.keySet()).containsExactlyElementsOf(report.body().keySet());
    }

    @Test
    void a_project_config_shows_its_file_its_store_and_its_data_directory() throws IOException {
        Path db = home.resolve("repo/.gateway/logs.db");
        PersistenceConfig cfg = config("[persistence]\nbackend = \"sqlite\"\npath = \"" + db + "\"\nretentionDays = 1.5\n");
        Map<String, Object> p = persistence(new ProcessHealthReport(cfg, env(), JobHealthSource.NONE,
                AsyncJobsAvailability.decide(cfg, true, null)).body());
        assertThat(p).containsEntry("path", db.toString()).containsEntry("dbPath", db.toString())
                .containsEntry("dataDir", db.getParent().toString()).containsEntry("retentionDays", 1.5);
        assertThat(p.get("sources")).isEqualTo(mapOf("configFile", home.resolve("cfg.toml").toString(),
                "envOverrides", List.of(), "selectedBy", "LLM_GATEWAY_CONFIG", "unapprovedProjectConfig", null));
    }

    @Test
    void the_dsn_is_redacted() throws IOException {
        PersistenceConfig cfg = config("[persistence]\nbackend = \"postgres\"\ndsn = \"postgresql://u:secret@h/db\"\n");
        ProcessHealthReport report = new ProcessHealthReport(cfg, env(), JobHealthSource.NONE,
                AsyncJobsAvailability.decide(cfg, false, "PostgresJobStore is not yet implemented"));
        assertThat(persistence(report.body())).containsEntry("dsn", "[redacted]").containsEntry("dbPath", null);
        assertThat(report.json()).doesNotContain("secret");
    }

    @Test
    void backend_none_carries_the_documented_warning() throws IOException {
        PersistenceConfig cfg = config("[persistence]\nbackend = \"none\"\n");
        Map<String, Object> p = persistence(new ProcessHealthReport(cfg, env(), JobHealthSource.NONE,
                AsyncJobsAvailability.decide(cfg, false, null)).body());
        assertThat(p).containsEntry("asyncJobsEnabled", false).containsEntry("asyncToolsRegistered", false)
                .containsEntry("warning", "Async job persistence is disabled (backend = 'none'). *_request_async "
                        + "tools are NOT registered on this gateway. Set [persistence].backend = 'sqlite' (or "
                        + "'memory' + acknowledgeEphemeral = true) to enable them.");
    }

    @Test
    void a_store_that_did_not_open_is_warned_about_with_its_reason_even_though_async_is_enabled() throws IOException {
        PersistenceConfig cfg = config("[persistence]\nbackend = \"postgres\"\ndsn = \"postgresql://h/db\"\n");
        Map<String, Object> p = persistence(new ProcessHealthReport(cfg, env(), JobHealthSource.NONE,
                AsyncJobsAvailability.decide(cfg, false, "PostgresJobStore is not yet implemented")).body());
        assertThat(p).containsEntry("asyncJobsEnabled", true).containsEntry("asyncToolsRegistered", false);
        assertThat((String) p.get("warning")).contains("'postgres' job store could not be opened")
                .contains("PostgresJobStore is not yet implemented").contains("NOT registered");
    }

    @Test
    void job_counts_and_entries_come_from_the_job_source_sampled_on_every_call() throws IOException {
        PersistenceConfig cfg = config(null);
        AtomicInteger calls = new AtomicInteger();
        JobHealthSource source = () -> {
            int n = calls.incrementAndGet();
            List<JobHealth> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                jobs.add(new JobHealth("job-" + i, "claude", "running", null, true, false, 10L));
            }
            return new JobHealthReport(n, n, 0, jobs);
        };
        ProcessHealthReport report = new ProcessHealthReport(cfg, env(), source,
                AsyncJobsAvailability.decide(cfg, true, null));
        assertThat(report.body()).containsEntry("runningJobs", 1).containsEntry("deadJobs", 1);
        Map<String, Object> second = report.body();
        assertThat(second).containsEntry("runningJobs", 2).containsEntry("zombieJobs", 0);
        assertThat((List<?>) second.get("jobs")).hasSize(2);
        assertThat(report.json()).contains("\"jobId\": \"job-2\"");
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
