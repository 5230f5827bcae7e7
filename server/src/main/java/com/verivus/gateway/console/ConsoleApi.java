package com.verivus.gateway.console;

import com.verivus.gateway.log.GatewayLog;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's JSON endpoints under {@code /api/} (behind the {@link ConsoleGate}):
 * {@code GET session, events (SSE), jobs, jobs/<id>/output, requests, sessions, health, cli-versions} and {@code POST jobs/<id>/cancel}.
 */
final class ConsoleApi implements Handler {

    static final int DEFAULT_PAGE_CHARS = 20_000;
    static final int MAX_PAGE_CHARS = 2_000_000;

    private static final Pattern JOB_OUTPUT = Pattern.compile("/api/jobs/([A-Za-z0-9_.:-]{1,200})/output");
    private static final Pattern JOB_CANCEL = Pattern.compile("/api/jobs/([A-Za-z0-9_.:-]{1,200})/cancel");

    private final ConsoleSources sources;
    private final JobEvents events;

    ConsoleApi(ConsoleSources sources, AtomicBoolean stopping) {
        this.sources = sources;
        this.events = new JobEvents(sources.jobs(), stopping);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        Method method = req.prologue().method();
        boolean get = Method.GET.equals(method);
        try {
            Matcher output = JOB_OUTPUT.matcher(path);
            Matcher cancel = JOB_CANCEL.matcher(path);
            if (path.equals("/api/session") && get) {
                session(req, res);
            } else if (path.equals("/api/events") && get) {
                events.stream(res);
            } else if (path.equals("/api/jobs") && get) {
                ConsoleReply.json(res, 200, Map.of("jobs", sources.jobs().list()));
            } else if (output.matches() && get) {
                output(req, res, output.group(1));
            } else if (cancel.matches() && Method.POST.equals(method)) {
                Map<String, Object> result = sources.jobs().cancel(cancel.group(1));
                ConsoleReply.json(res, Boolean.TRUE.equals(result.get("success")) ? 200 : 409, result);
            } else if (path.equals("/api/requests") && get) {
                requests(req, res);
            } else if (path.equals("/api/sessions") && get) {
                ConsoleReply.json(res, 200, Map.of("clis", sources.sessions().perCli()));
            } else if (path.equals("/api/health") && get) {
                jsonOr503(res, sources.processHealth().get(), "Process health is not available");
            } else if (path.equals("/api/cli-versions") && get) {
                jsonOr503(res, sources.cliVersions().get(), "CLI versions are not available");
            } else if (output.matches() || cancel.matches() || known(path)) {
                res.header(HeaderNames.ALLOW, cancel.matches() ? "POST" : "GET");
                ConsoleReply.error(res, 405, "Method not allowed");
            } else {
                ConsoleReply.error(res, 404, "Not found");
            }
        } catch (BadQueryException e) {
            ConsoleReply.error(res, 400, e.getMessage());
        } catch (RuntimeException e) {
            GatewayLog.error("console " + method.text() + " " + path + " failed", e);
            ConsoleReply.error(res, 500, "Internal error");
        }
    }

    private static void jsonOr503(ServerResponse res, String json, String unavailable) {
        if (json == null) {
            ConsoleReply.error(res, 503, unavailable);
        } else {
            ConsoleReply.jsonText(res, 200, json);
        }
    }

    private static boolean known(String path) {
        return List.of("/api/session", "/api/events", "/api/jobs", "/api/requests", "/api/sessions", "/api/health",
                "/api/cli-versions").contains(path);
    }

    private static void session(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<BrowserSessions.BrowserSession> browser = req.context().get(ConsoleGate.class,
                BrowserSessions.BrowserSession.class);
        body.put("auth", browser.isPresent() ? "cookie" : "bearer");
        body.put("csrfToken", browser.map(BrowserSessions.BrowserSession::csrfToken).orElse(null));
        body.put("csrfHeader", BrowserSessions.CSRF_HEADER);
        ConsoleReply.json(res, 200, body);
    }

    private void output(ServerRequest req, ServerResponse res, String jobId) {
        long offset = number(req, "offset", 0, Long.MAX_VALUE / 2, 0);
        long stderrOffset = number(req, "stderrOffset", 0, Long.MAX_VALUE / 2, offset);
        int maxChars = (int) number(req, "maxChars", 2, MAX_PAGE_CHARS, DEFAULT_PAGE_CHARS);
        Optional<Map<String, Object>> page = sources.jobs().page(jobId, offset, stderrOffset, maxChars);
        if (page.isEmpty()) {
            ConsoleReply.error(res, 404, "Job not found: " + jobId);
            return;
        }
        ConsoleReply.json(res, 200, page.get());
    }

    private void requests(ServerRequest req, ServerResponse res) {
        int limit = (int) number(req, "limit", 1, 1000, 200);
        List<Map<String, Object>> rows = sources.requests().list(text(req, "cli"), text(req, "status"),
                text(req, "since"), text(req, "until"), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", rows);
        body.put("latency", LatencyPercentiles.perCli(rows));
        body.put("totals", LatencyPercentiles.totals(rows));
        ConsoleReply.json(res, 200, body);
    }

    private static String text(ServerRequest req, String name) {
        return req.query().first(name).asOptional().filter(v -> !v.isBlank()).orElse(null);
    }

    private static long number(ServerRequest req, String name, long min, long max, long fallback) {
        String value = text(req, name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new BadQueryException(name + " must be " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadQueryException(name + " must be an integer");
        }
    }

    /** A query parameter out of range or not a number: 400. */
    static final class BadQueryException extends RuntimeException {
        BadQueryException(String message) {
            super(message);
        }
    }
}
