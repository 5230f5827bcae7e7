package com.verivus.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real gateway process over Streamable HTTP on loopback, with a bearer token and one long-lived
 * MCP session. Each input is one POST: it must get exactly one HTTP response that carries exactly one
 * JSON-RPC answer for a request (SSE or JSON), a 202 for a notification or client response (or a
 * well-formed JSON-RPC error), and a 4xx with a JSON-RPC error of id null for anything that is not a
 * valid message. A ping on the same session follows every input.
 */
final class HttpFuzzTarget implements FuzzTarget {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    private final GatewayProcess.Builder launch;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong sentinels = new AtomicLong();
    private GatewayProcess gateway;
    private URI url;
    private String sessionId;
    private int restarts;

    HttpFuzzTarget(GatewayProcess.Builder launch, String token) {
        this.launch = launch;
        this.token = token;
        start();
    }

    private void start() {
        gateway = launch.start();
        url = gateway.awaitUrl(Duration.ofSeconds(90));
        HttpResponse<String> init = post(JsonRpc.initialize(0).getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        sessionId = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new AssertionError(
                "initialize gave no session id: " + init.statusCode() + " " + init.body()));
        HttpResponse<String> initialized = post(JsonRpc.initialized().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                sessionId);
        if (initialized.statusCode() != 202) {
            throw new AssertionError("notifications/initialized: " + initialized.statusCode() + " " + initialized.body());
        }
    }

    int restarts() {
        return restarts;
    }

    String stderr() {
        return gateway.stderr();
    }

    @Override
    public Verdict exchange(FuzzInput input) {
        List<String> failures = new ArrayList<>();
        int replies = 0;
        HttpResponse<String> response;
        try {
            response = post(input.wire(), sessionId);
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
            return afterFailure(failures, replies);
        }
        ReplyRules.noJavaNames(response.body(), failures);
        List<JsonNode> messages = messages(response, failures);
        List<JsonNode> answers = messages.stream().filter(m -> !m.has("method")).toList();
        answers.forEach(a -> ReplyRules.wellFormedResponse(a, failures));
        int status = response.statusCode();
        switch (input.expect()) {
            case REPLY_WITH_ID -> {
                String id = ReplyRules.idKey(input.id());
                replies = (int) answers.stream().filter(a -> ReplyRules.idKey(a.get("id")).equals(id)).count();
                if (replies != 1 || answers.size() != 1) {
                    failures.add("expected exactly one answer with id " + id + ", got " + answers.size()
                            + " (HTTP " + status + "): " + ReplyRules.abbreviate(response.body()));
                }
                if (status != 200 && !(status >= 400 && status < 500 && replies == 1)) {
                    failures.add("HTTP " + status + " for a request");
                }
            }
            case REPLY_WITH_NULL_ID -> {
                replies = answers.size();
                if (status < 400 || status >= 500) {
                    failures.add("HTTP " + status + " for an invalid message (expected 4xx)");
                }
                if (answers.size() != 1 || !answers.get(0).path("id").isNull() || !answers.get(0).has("error")) {
                    failures.add("expected one JSON-RPC error with id null: " + ReplyRules.abbreviate(response.body()));
                }
            }
            case NO_REPLY -> {
                replies = answers.size();
                boolean accepted = status == 202 && response.body().isEmpty();
                boolean wellFormedError = status >= 400 && status < 500 && answers.size() == 1
                        && answers.get(0).has("error");
                if (!accepted && !wellFormedError) {
                    failures.add("HTTP " + status + " for a notification or response (expected 202): "
                            + ReplyRules.abbreviate(response.body()));
                }
            }
        }
        return failures.isEmpty() ? pingAfter(failures, replies) : afterFailure(failures, replies);
    }

    private Verdict afterFailure(List<String> failures, int replies) {
        if (!gateway.process().isAlive()) {
            failures.add("the gateway exited with code " + gateway.process().exitValue());
            gateway.close();
            restarts++;
            start();
            return new Verdict(replies, failures);
        }
        return pingAfter(failures, replies);
    }

    private Verdict pingAfter(List<String> failures, int replies) {
        String sentinel = SENTINEL_PREFIX + sentinels.incrementAndGet();
        try {
            HttpResponse<String> ping = post(("{\"jsonrpc\":\"2.0\",\"id\":\"" + sentinel + "\",\"method\":\"ping\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), sessionId);
            List<JsonNode> answers = messages(ping, failures).stream().filter(m -> !m.has("method")).toList();
            if (ping.statusCode() != 200 || answers.size() != 1 || !answers.get(0).has("result")
                    || !ReplyRules.idKey(answers.get(0).get("id")).equals("s:" + sentinel)) {
                failures.add("ping after the input: HTTP " + ping.statusCode() + " " + ReplyRules.abbreviate(ping.body()));
            }
        } catch (RuntimeException e) {
            failures.add("ping after the input: " + e.getMessage());
        }
        return new Verdict(replies, failures);
    }

    /** The JSON-RPC messages of a response: an SSE stream's data lines, or a JSON body. */
    private static List<JsonNode> messages(HttpResponse<String> response, List<String> failures) {
        List<JsonNode> out = new ArrayList<>();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (type.startsWith("text/event-stream")) {
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    parse(line.substring(5).strip(), out, failures);
                }
            }
        } else if (!body.isEmpty()) {
            if (!type.startsWith("application/json")) {
                failures.add("a body that is not JSON (" + type + "): " + ReplyRules.abbreviate(body));
            } else {
                parse(body, out, failures);
            }
        }
        return out;
    }

    private static void parse(String json, List<JsonNode> out, List<String> failures) {
        try {
            out.add(JsonRpcInputs.JSON.readTree(json));
        } catch (Exception e) {
            failures.add("a reply that is not JSON: " + ReplyRules.abbreviate(json));
        }
    }

    private HttpResponse<String> post(byte[] body, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", JsonRpc.PROTOCOL_VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        try {
            // The whole exchange, SSE body included, must end in time: a stream that opens and then
            // says nothing is the failure this suite exists to catch.
            return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                    .get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no complete HTTP response within " + REPLY_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("HTTP exchange failed: " + e.getCause());
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
