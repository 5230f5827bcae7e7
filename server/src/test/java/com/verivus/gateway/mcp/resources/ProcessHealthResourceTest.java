package com.verivus.gateway.mcp.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessHealthResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describesItselfAsTheProcessHealthResource() {
        ProcessHealthResource r = new ProcessHealthResource(Map::of);
        assertThat(r.uri()).isEqualTo("metrics://process-health");
        assertThat(r.name()).isEqualTo("process-health");
        assertThat(r.title()).isEqualTo("Process Health");
        assertThat(r.mimeType()).isEqualTo("application/json");
        assertThat(r.description()).isNotBlank();
    }

    @Test
    void readsTheSuppliersDocumentAfreshEachTime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        ProcessHealthResource r = new ProcessHealthResource(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            int n = running.incrementAndGet();
            body.put("runningJobs", n);
            body.put("deadJobs", 0);
            body.put("zombieJobs", 0);
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("jobId", "job-" + n);
            job.put("cli", "codex");
            job.put("status", "running");
            job.put("processHealth", null);
            body.put("jobs", List.of(job));
            return body;
        });
        String first = r.read();
        JsonNode second = JSON.readTree(r.read());
        assertThat(first).startsWith("{\n  \"runningJobs\": 1,").contains("\"processHealth\": null");
        assertThat(second.get("runningJobs").asInt()).isEqualTo(2);
        assertThat(second.get("jobs").get(0).get("jobId").asText()).isEqualTo("job-2");
        assertThat(second.fieldNames()).toIterable().containsExactly("runningJobs", "deadJobs", "zombieJobs", "jobs");
    }
}
