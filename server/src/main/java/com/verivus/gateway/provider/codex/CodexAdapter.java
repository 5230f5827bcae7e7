package com.verivus.gateway.provider.codex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServersReport;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.files.PrivateFiles;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns codex_request and codex_fork_session into contract-checked {@link CliInvocation}s of {@code codex}. */
public final class CodexAdapter {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private CodexAdapter() {
    }

    /**
     * Validates, plans the session, writes an object outputSchema to a 0600 temp file (listed in
     * {@link CliInvocation#tempFiles()}; the job engine deletes it when the run ends) and builds the argv.
     * If anything fails after the schema file was written, the file is deleted before the exception leaves.
     *
     * @param activeSessionId the active Codex session of the session store
     */
    public static PreparedRun prepare(CodexRequest r, Optional<String> activeSessionId, PrepareContext ctx) {
        CodexRequest.Options o = r.options();
        CodexOverrides.validate(o.configOverrides());
        CodexOverrides.rejectUntrusted(o.askForApproval());
        ArgumentGuards.rejectOptionLike(o.profile(), "profile");
        ArgumentGuards.rejectOptionLike(o.images(), "images");
        ArgumentGuards.requireExisting(o.images(), "images", ctx.env().workingDirectory());
        if (o.outputSchema() instanceof String path) {
            ArgumentGuards.rejectOptionLike(path, "outputSchema");
        }
        SessionPlan session = CodexSessionPlanner.plan(r.session(), activeSessionId, ctx.codexThreads(), ctx.ids());
        boolean resume = session.mode() != SessionMode.FRESH;
        Path schemaFile = null;
        if (!resume && o.outputSchema() instanceof Map<?, ?> schema) {
            schemaFile = writeSchema(schema, ctx.tempDirectory());
        }
        try {
            List<String> warnings = new ArrayList<>();
            List<String> args = CodexArgv.build(r, session, schemaFile, warnings);
            warnings.forEach(GatewayLog::warn);
            CliInvocation invocation = new CliInvocation(CliName.CODEX, args, Map.of(), o.outputFormat().key(),
                    r.shared().effectiveIdleTimeoutMs(), schemaFile == null ? List.of() : List.of(schemaFile),
                    session.continuesConversation());
            UpstreamContracts.assertConforms(invocation);
            return new PreparedRun(invocation, session, McpServersReport.requestedOnly(r.shared().mcpServers()),
                    warnings);
        } catch (RuntimeException e) {
            deleteQuietly(schemaFile);
            throw e;
        }
    }

    /**
     * codex_fork_session: {@code codex exec fork}. Exactly one of sessionId / forkLast. A gateway session
     * id is mapped to its recorded Codex thread id; forkLast forks the thread recorded on the active Codex
     * session (exec fork has no --last). No session bookkeeping; the result is the CLI's plain text.
     */
    public static PreparedRun prepareFork(CodexForkRequest r, Optional<String> activeSessionId, PrepareContext ctx) {
        CodexForkRequest.Options o = r.options();
        if (o.sessionId() != null && o.forkLast()) {
            throw new ProviderRequestException("sessionId and forkLast are mutually exclusive");
        }
        if (o.sessionId() == null && !o.forkLast()) {
            throw new ProviderRequestException("one of sessionId or forkLast is required");
        }
        CodexOverrides.rejectUntrusted(o.askForApproval());
        String thread;
        if (o.sessionId() != null) {
            ArgumentGuards.rejectReservedSessionId(o.sessionId());
            thread = ctx.codexThreads().upstreamId(o.sessionId()).filter(t -> !t.isBlank()).orElse(o.sessionId());
        } else {
            thread = activeSessionId.flatMap(ctx.codexThreads()::upstreamId).filter(t -> !t.isBlank())
                    .orElseThrow(() -> new ProviderRequestException("forkLast: no Codex thread is recorded for the "
                            + "active codex session (codex exec fork has no --last); pass sessionId instead"));
        }
        List<String> args = CodexForkArgv.build(r, thread);
        SessionPlan session = new SessionPlan(SessionMode.RESUME_BY_ID, List.of("fork", thread), null, thread, null,
                true, List.of());
        CliInvocation invocation = new CliInvocation(CliName.CODEX, args, Map.of(), CodexOutputFormat.TEXT.key(),
                r.shared().effectiveIdleTimeoutMs(), List.of(), true);
        UpstreamContracts.assertConforms(invocation);
        return new PreparedRun(invocation, session, McpServersReport.requestedOnly(r.shared().mcpServers()), List.of());
    }

    private static Path writeSchema(Map<?, ?> schema, Path dir) {
        try {
            byte[] content = JSON.writeValueAsString(schema).getBytes(StandardCharsets.UTF_8);
            return PrivateFiles.createTemp(dir, "codex-schema-", ".json", content);
        } catch (JsonProcessingException e) {
            throw new ProviderRequestException("outputSchema is not serialisable as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProviderRequestException("Failed to write Codex output schema: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            GatewayLog.warn("Could not delete Codex output schema " + file + ": " + e.getMessage());
        }
    }
}
