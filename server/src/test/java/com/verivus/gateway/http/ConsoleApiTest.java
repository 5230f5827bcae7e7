package com.verivus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The web console's JSON endpoints and login on a real gateway process, over HTTP on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiTest {

    @TempDir
    static Path temp;

    ConsoleGateway gw;
    Map<String, String> bearer;

    @BeforeAll
    void start() throws Exception {
        gw = ConsoleGateway.start(temp);
        bearer = Map.of("Authorization", "Bearer " + ConsoleGateway.TOKEN);
    }

    @AfterAll
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return ConsoleGateway.JSON.readTree(r.body());
    }

    private JsonNode awaitJob(String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (JsonNode job : json(gw.get("/api/jobs", bearer)).path("jobs")) {
                if (job.path("id").asText().equals(id) && job.path("status").asText().equals(status)) {
                    return job;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " never became " + status + ": "
                        + gw.get("/api/jobs", bearer).body());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void everyConsolePathNeedsTheCookieOrTheToken() throws Exception {
        for (String path : new String[] {"/", "/console.js", "/api/jobs", "/api/requests", "/api/sessions",
                "/api/health", "/api/session"}) {
            HttpResponse<String> anonymous = gw.get(path, Map.of());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
            assertThat(anonymous.body()).as(path).contains("gateway status");
            assertThat(gw.get(path, Map.of("Authorization", "Bearer wrong")).statusCode()).as(path).isEqualTo(401);
            assertThat(gw.get(path, bearer).statusCode()).as(path).isEqualTo(200);
            assertThat(gw.get(path, Map.of("Cookie", "llm_gateway_console=forged")).statusCode()).as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() throws Exception {
        Map<String, String> headers = new HashMap<>(bearer);
        headers.put("Origin", "http://evil.example.com");
        assertThat(gw.get("/api/jobs", headers).statusCode()).isEqualTo(403);
        assertThat(gw.get("/login?code=x", Map.of("Origin", "http://evil.example.com")).statusCode()).isEqualTo(403);
    }

    @Test
    void theLoginLinkWorksOnceAndSetsAStrictHttpOnlyCookieThenRedirectsHome() throws Exception {
        URI link = URI.create(gw.loginLink());
        String target = link.getRawPath() + "?" + link.getRawQuery();
        HttpResponse<String> first = gw.get(target, Map.of());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/");
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("llm_gateway_console=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/");
        String cookie = setCookie.split(";")[0];
        assertThat(gw.get("/api/jobs", Map.of("Cookie", cookie)).statusCode()).isEqualTo(200);
        JsonNode session = json(gw.get("/api/session", Map.of("Cookie", cookie)));
        assertThat(session.path("auth").asText()).isEqualTo("cookie");
        assertThat(session.path("csrfToken").asText()).hasSize(64);

        HttpResponse<String> again = gw.get(target, Map.of());
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        String tampered = target.substring(0, target.length() - 1) + (target.endsWith("0") ? "1" : "0");
        assertThat(gw.get(tampered, Map.of()).statusCode()).isEqualTo(403);
        assertThat(gw.get("/login", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void cancelWithTheCookieNeedsTheCsrfTokenAndAnOriginAndUsesTheJobCancelPath() throws Exception {
        String cookie = gw.login();
        String csrf = json(gw.get("/api/session", Map.of("Cookie", cookie))).path("csrfToken").asText();
        String jobId = gw.startJob("gemini_request_async", "hang please");
        awaitJob(jobId, "running");
        String origin = gw.base.toString();
        String cancel = "/api/jobs/" + jobId + "/cancel";

        assertThat(gw.send("POST", cancel, Map.of("Cookie", cookie, "Origin", origin)).statusCode()).isEqualTo(403);
        assertThat(gw.send("POST", cancel, Map.of("Cookie", cookie, "Origin", origin, "X-CSRF-Token", "0" + csrf))
                .statusCode()).isEqualTo(403);
        assertThat(gw.send("POST", cancel, Map.of("Cookie", cookie, "X-CSRF-Token", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(gw.send("POST", cancel, Map.of("Cookie", cookie, "Origin", "http://evil.example.com",
                "X-CSRF-Token", csrf)).statusCode()).isEqualTo(403);
        awaitJob(jobId, "running");

        HttpResponse<String> ok = gw.send("POST", cancel, Map.of("Cookie", cookie, "Origin", origin,
                "X-CSRF-Token", csrf));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).path("success").asBoolean()).isTrue();
        awaitJob(jobId, "canceled");
        assertThat(gw.tool("llm_job_status", Map.of("jobId", jobId)).toString()).contains("canceled");

        HttpResponse<String> twice = gw.send("POST", cancel, Map.of("Cookie", cookie, "Origin", origin,
                "X-CSRF-Token", csrf));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).path("reason").asText()).isEqualTo("Job is already canceled");
        assertThat(gw.send("GET", cancel, bearer).statusCode()).isEqualTo(405);
    }

    @Test
    void theBearerTokenCancelsWithoutCsrf() throws Exception {
        String jobId = gw.startJob("gemini_request_async", "hang for the token");
        awaitJob(jobId, "running");
        HttpResponse<String> r = gw.send("POST", "/api/jobs/" + jobId + "/cancel", bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        awaitJob(jobId, "canceled");
    }

    @Test
    void outputPagesJoinToTheWholeOutputAsLlmJobResultHasIt() throws Exception {
        String prompt = "page me " + "abcdefghij".repeat(500);
        String jobId = gw.startJob("claude_request_async", prompt);
        JsonNode job = awaitJob(jobId, "completed");
        assertThat(job.path("cli").asText()).isEqualTo("claude");
        assertThat(job.path("exitCode").asInt()).isZero();
        assertThat(job.path("prompt").asText()).isEqualTo(prompt);

        String whole = gw.tool("llm_job_result", Map.of("jobId", jobId)).path("result").path("stdout").asText();
        assertThat(whole).startsWith("fake claude answer: page me abcdefghij").hasSizeGreaterThan(200);
        StringBuilder joined = new StringBuilder();
        long offset = 0;
        int pages = 0;
        while (true) {
            JsonNode page = json(gw.get("/api/jobs/" + jobId + "/output?maxChars=50&offset=" + offset, bearer));
            assertThat(page.path("stdoutPage").path("offset").asLong()).isEqualTo(offset);
            assertThat(page.path("stdoutPage").path("totalChars").asInt()).isEqualTo(whole.length());
            joined.append(page.path("stdout").asText());
            pages++;
            if (page.path("stdoutPage").path("nextOffset").isNull()) {
                break;
            }
            offset = page.path("stdoutPage").path("nextOffset").asLong();
        }
        assertThat(joined.toString()).isEqualTo(whole);
        assertThat(pages).isEqualTo((whole.length() + 49) / 50).isGreaterThan(1);
        assertThat(gw.get("/api/jobs/nope/output", bearer).statusCode()).isEqualTo(404);
        assertThat(gw.get("/api/jobs/" + jobId + "/output?maxChars=1", bearer).statusCode()).isEqualTo(400);
        assertThat(gw.get("/api/jobs/" + jobId + "/output?offset=x", bearer).statusCode()).isEqualTo(400);
    }

    @Test
    void requestsAreFilteredAndCarryLatencyPercentilesAndTotals() throws Exception {
        String jobId = gw.startJob("claude_request_async", "for the recorder");
        awaitJob(jobId, "completed");
        gw.tool("llm_job_result", Map.of("jobId", jobId));
        JsonNode claude = json(gw.get("/api/requests?cli=claude", bearer));
        assertThat(claude.path("requests")).isNotEmpty();
        claude.path("requests").forEach(r -> assertThat(r.path("cli").asText()).isEqualTo("claude"));
        JsonNode latency = claude.path("latency").path("claude");
        assertThat(latency.path("count").asInt()).isPositive();
        assertThat(latency.path("p50").asLong()).isLessThanOrEqualTo(latency.path("p90").asLong());
        assertThat(latency.path("p90").asLong()).isLessThanOrEqualTo(latency.path("p99").asLong());
        assertThat(claude.path("totals").path("requests").asInt()).isEqualTo(claude.path("requests").size());
        assertThat(json(gw.get("/api/requests?cli=codex", bearer)).path("requests")).isEmpty();
        assertThat(json(gw.get("/api/requests?since=2999-01-01T00:00:00Z", bearer)).path("requests")).isEmpty();
        assertThat(gw.get("/api/requests?limit=0", bearer).statusCode()).isEqualTo(400);
    }

    @Test
    void eventsStreamTheJobListAsServerSentEvents() throws Exception {
        String jobId = gw.startJob("claude_request_async", "streamed");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(gw.base.resolve("/api/events"))
                .header("Authorization", "Bearer " + ConsoleGateway.TOKEN).GET().build();
        HttpResponse<java.util.stream.Stream<String>> r = gw.http.send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (java.util.stream.Stream<String> lines = r.body()) {
            java.util.Iterator<String> it = lines.iterator();
            String event = null;
            while (it.hasNext()) {
                String line = it.next();
                if (line.equals("event: jobs")) {
                    event = it.next();
                    break;
                }
            }
            assertThat(event).startsWith("data: ");
            JsonNode body = ConsoleGateway.JSON.readTree(event.substring("data: ".length()));
            assertThat(body.path("jobs").findValuesAsText("id")).contains(jobId);
        }
        assertThat(gw.get("/api/events", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void sigtermWithAnOpenEventStreamStillExitsZero() throws Exception {
        ConsoleGateway doomed = ConsoleGateway.start(java.nio.file.Files.createDirectories(temp.resolve("sigterm")));
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(doomed.base.resolve("/api/events"))
                    .header("Authorization", "Bearer " + ConsoleGateway.TOKEN).GET().build();
            HttpResponse<java.io.InputStream> stream = doomed.http.send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body().read()).isNotNegative(); // the stream is open and flowing
            doomed.process.terminate(); // SIGTERM
            assertThat(doomed.process.awaitExit(java.time.Duration.ofSeconds(20))).as(doomed.process.stderr()).isZero();
            assertThat(doomed.process.stderr()).contains("HTTP gateway stopping");
        } finally {
            doomed.close();
        }
    }

    @Test
    void sessionsHealthAndCliVersionsServeTheStoreTheProcessHealthBlockAndCliVersions() throws Exception {
        JsonNode sessions = json(gw.get("/api/sessions", bearer));
        assertThat(sessions.path("clis").get(0).path("cli").asText()).isEqualTo("claude");
        JsonNode health = json(gw.get("/api/health", bearer));
        assertThat(health.path("persistence").path("backend").asText()).isEqualTo("sqlite");
        JsonNode versions = json(gw.get("/api/cli-versions", bearer));
        assertThat(versions.path("versions").findValuesAsText("cli")).contains("claude", "gemini");
        assertThat(versions.path("versions").get(0).path("installed").asBoolean()).isTrue(); // the fake claude
    }

    @Test
    void thePageHasAStrictPolicyAndNoInlineScript() throws Exception {
        HttpResponse<String> page = gw.get("/", bearer);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe");
        assertThat(page.body()).contains("<script src=\"/console.js\" defer></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" on");
        assertThat(gw.get("/console.js", bearer).body()).contains("textContent").doesNotContain("innerHTML");
        assertThat(gw.send("POST", "/", bearer).statusCode()).isEqualTo(405);
    }

    @Test
    void aScriptPromptComesBackAsJsonTextNotMarkup() throws Exception {
        String prompt = "<script>alert('x')</script>";
        String jobId = gw.startJob("claude_request_async", prompt);
        JsonNode job = awaitJob(jobId, "completed");
        assertThat(job.path("prompt").asText()).isEqualTo(prompt);
        HttpResponse<String> jobs = gw.get("/api/jobs", bearer);
        assertThat(jobs.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(jobs.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
