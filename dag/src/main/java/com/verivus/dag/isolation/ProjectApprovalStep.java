package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * U03: approve the repository, so that a gateway started inside it (by any MCP client) uses its
 * {@code .gateway/config.toml}. Before that it checks that the files holding this clone's paths and
 * prompts stay out of git, and that a committed .mcp.json (read, never written) names the gateway.
 *
 * <p>It replaces the Node README's step, which wrote {@code mcpServers.<name>.env.LLM_GATEWAY_CONFIG}
 * into .claude/settings.local.json: Claude Code does not pass that entry to the server, so the override
 * never took effect. A DAG that still names the old unit gets this step.
 */
final class ProjectApprovalStep implements IsolationStep {

    static final String NODE_README_UNIT = "register-llm-gateway-config-env-in-claude-local-settings";

    @Override
    public String unitName() {
        return "approve-project-config-for-the-gateway";
    }

    @Override
    public List<String> unitNames() {
        return List.of(unitName(), NODE_README_UNIT);
    }

    @Override
    public List<Gate> gates() {
        return List.of(Gate.MCP_JSON_NAMES_SERVER, Gate.CONFIG_NOT_COMMITTED);
    }

    @Override
    public StepResult run(Unit unit, RunContext context) throws IOException {
        StepResult.Builder out = new StepResult.Builder(unit.id(), context.log());
        IsolationInstance instance = context.instance();
        if (unit.name().equals(NODE_README_UNIT)) {
            out.line("note: instead of mcpServers.<name>.env in " + instance.relative(instance.localSettings())
                    + " (Claude Code does not pass it to the server), the project is approved for the gateway");
        }
        Optional<Finding> mcpJson = McpJsonCheck.check(context, out, unit.id());
        if (mcpJson.isPresent()) {
            return out.failed(mcpJson.get());
        }
        Optional<Finding> tracked = trackedByGit(context, unit.id());
        if (tracked.isPresent()) {
            return out.failed(tracked.get());
        }
        noteIneffectiveOverride(context, out);

        Path home = context.settings().home();
        Path approvals = ProjectApproval.file(home);
        out.artefact(approvals);
        if (ProjectApproval.ensure(context.files(), home, instance.repo())) {
            out.changed().line((context.dryRun() ? "would approve " : "approved ") + instance.repo() + " in "
                    + approvals + ": a gateway started inside it now uses " + instance.relative(instance.configToml()));
        } else {
            out.line(instance.repo() + " is already approved in " + approvals);
        }
        out.quote(approvals + ": " + instance.repo());
        return out.completed();
    }

    /** config.toml holds this clone's absolute paths and logs.db the prompts: neither may be in git. */
    private static Optional<Finding> trackedByGit(RunContext context, String unitId) {
        IsolationInstance instance = context.instance();
        if (context.dryRun() || !context.git().isWorkTree()) {
            return Optional.empty();
        }
        for (Path path : List.of(instance.dataDir(), instance.configToml())) {
            String relative = instance.relative(path);
            if (context.git().tracks(relative)) {
                return Optional.of(Finding.of(Gate.CONFIG_NOT_COMMITTED, unitId, "git tracks files in " + relative,
                        relative + " neither committed nor tracked (its paths are this clone's, its database holds prompts)",
                        "git rm -r --cached " + relative + " and commit that (the files stay on disk), then re-run"));
            }
        }
        return Optional.empty();
    }

    /** An override an earlier isolate wrote is harmless but misleading; say so, and leave the file alone. */
    private static void noteIneffectiveOverride(RunContext context, StepResult.Builder out) throws IOException {
        IsolationInstance instance = context.instance();
        Optional<String> text = context.files().read(instance.localSettings());
        if (text.isEmpty()) {
            return;
        }
        JsonNode servers;
        try {
            servers = JsonText.MAPPER.readTree(text.get()).path("mcpServers");
        } catch (JacksonException e) {
            return;
        }
        List<String> stale = new ArrayList<>();
        for (String name : instance.serverNames()) {
            if (servers.path(name).path("env").has("LLM_GATEWAY_CONFIG")) {
                stale.add("mcpServers." + name + ".env.LLM_GATEWAY_CONFIG");
            }
        }
        if (!stale.isEmpty()) {
            out.line("note: " + instance.relative(instance.localSettings()) + " holds " + String.join(", ", stale)
                    + ", which Claude Code ignores; it is no longer needed and can be deleted");
        }
    }
}
