package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * U05, {@code gate_health_confirms_isolation}: the gateway's own process health must name this
 * repository's config file ({@code persistence.sources.configFile}) and database ({@code persistence.path}
 * and {@code persistence.dbPath}). The persistence block is quoted verbatim as evidence. The gateway
 * this run started is stopped here, whatever the verdict.
 */
final class HealthVerificationStep implements IsolationStep {

    @Override
    public String unitName() {
        return "verify-via-llm-process-health";
    }

    @Override
    public List<Gate> gates() {
        return List.of(Gate.HEALTH_CONFIRMS_ISOLATION);
    }

    @Override
    public boolean needsGateway() {
        return true;
    }

    @Override
    public StepResult run(Unit unit, RunContext context) {
        StepResult.Builder out = new StepResult.Builder(unit.id(), context.log());
        try {
            verify(unit, context, out);
        } finally {
            String stopped = context.stopGateway();
            if (stopped != null) {
                context.gateway().tail(UnitRecord.TAIL_LINES).forEach(out::quiet);
                out.line(stopped);
            }
        }
        return out.completed();
    }

    private static void verify(Unit unit, RunContext context, StepResult.Builder out) {
        HealthSource source = context.health();
        IsolationInstance instance = context.instance();
        String configFile = instance.configToml().toString();
        String db = instance.sqliteDb().toString();
        String expected = "persistence.sources.configFile = " + configFile + ", persistence.path = persistence.dbPath = " + db;
        ProcessHealthClient.Response response;
        try {
            response = source.fetch(Duration.ofSeconds(15));
        } catch (IOException e) {
            out.finding(Finding.of(Gate.HEALTH_CONFIRMS_ISOLATION, unit.id(), source.describe()
                    + " failed: " + e.getMessage(), expected, "make sure the gateway is still running, then re-run"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.finding(Finding.of(Gate.HEALTH_CONFIRMS_ISOLATION, unit.id(), "interrupted", expected, "re-run"));
            return;
        }
        out.line(source.describe() + " -> " + (response.status() == 200 ? "ok" : "status " + response.status()));
        Optional<String> quote = PersistenceQuote.of(response.body());
        quote.ifPresent(out::quote);
        JsonNode health;
        try {
            health = JsonText.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            health = null;
        }
        if (response.status() != 200 || health == null || quote.isEmpty()) {
            out.finding(Finding.of(Gate.HEALTH_CONFIRMS_ISOLATION, unit.id(), "HTTP " + response.status() + ": "
                    + abbreviate(response.body()), "HTTP 200 with a JSON persistence block; " + expected,
                    "check that the server is an llm-cli-gateway with /process-health, and the token"));
            return;
        }
        if (!health.path("success").asBoolean(false)) {
            out.finding(Finding.of(Gate.HEALTH_CONFIRMS_ISOLATION, unit.id(), "process health reports success = "
                    + health.path("success"), "success = true", "read the gateway's error in the report and fix it"));
        }
        JsonNode persistence = health.path("persistence");
        JsonNode envOverrides = persistence.path("sources").path("envOverrides");
        boolean legacyOverride = envOverrides.isArray() && !envOverrides.isEmpty();
        compare(out, unit, "persistence.sources.configFile", persistence.path("sources").path("configFile"), configFile,
                persistence.path("sources").path("configFile").isNull()
                        ? "the gateway could not read " + configFile + " (missing, or not TOML): check the file, then "
                                + "reconnect the client (/mcp) and re-run"
                        : remediationForOtherConfig(persistence.path("sources"), instance));
        String pathRemediation = legacyOverride
                ? "the legacy variable(s) " + envOverrides + " in the gateway's environment override [persistence]; "
                        + "unset them where the client is started, reconnect and re-run"
                : "make [persistence] path in " + configFile + " read \"" + db + "\" (re-run isolate), reconnect and re-run";
        compare(out, unit, "persistence.path", persistence.path("path"), db, pathRemediation);
        compare(out, unit, "persistence.dbPath", persistence.path("dbPath"), db, pathRemediation);
        if (!"sqlite".equals(persistence.path("backend").asText(null))) {
            out.finding(Finding.of(Gate.HEALTH_CONFIRMS_ISOLATION, unit.id(), "persistence.backend = "
                    + persistence.path("backend"), "persistence.backend = \"sqlite\"", pathRemediation));
        }
        if (!out.hasFindings()) {
            out.line("isolation confirmed: configFile, path and dbPath are this repository's");
        }
    }

    /** Why the gateway read another file, from the reason it gives itself (sources.selectedBy). */
    private static String remediationForOtherConfig(JsonNode sources, IsolationInstance instance) {
        String selectedBy = sources.path("selectedBy").asText("");
        if (selectedBy.equals("LLM_GATEWAY_CONFIG")) {
            return "LLM_GATEWAY_CONFIG in the gateway's environment names another file and wins over the project's: "
                    + "remove it from the client's configuration (server env, or the env of a settings file) or from "
                    + "the shell the client is started from, reconnect (/mcp) and re-run";
        }
        if (!sources.path("unapprovedProjectConfig").isNull() && !sources.path("unapprovedProjectConfig").isMissingNode()) {
            return "the gateway found " + sources.path("unapprovedProjectConfig").asText()
                    + " but does not count the project as approved: check that it runs with the same HOME as isolate "
                    + "(the approval is in ~/.llm-cli-gateway/approved-projects), then re-run";
        }
        return "the gateway did not start inside " + instance.repo() + " (or is older than project discovery): make "
                + "the client start it in the repository, or set LLM_GATEWAY_CONFIG=" + instance.configToml()
                + " where the client starts it, reconnect (/mcp) and re-run";
    }

    private static void compare(StepResult.Builder out, Unit unit, String field, JsonNode observed, String expected,
                                String remediation) {
        if (observed.isTextual() && observed.textValue().equals(expected)) {
            out.line(field + " = " + expected + " (as expected)");
            return;
        }
        out.finding(Finding.of(Gate.HEALTH_CONFIRMS_ISOLATION, unit.id(),
                field + " = " + (observed.isMissingNode() ? "(absent)" : observed.toString()),
                field + " = \"" + expected + "\"", remediation));
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
