package com.verivus.gateway.mcp;

import java.util.List;

/** The {@code instructions} text a client shows its model: the tool groups and the key behaviours. */
public final class ServerInstructions {

    private ServerInstructions() {
    }

    /**
     * @param syncDeadlineMs SYNC_DEADLINE_MS in force (0 = inline)
     * @param asyncEnabled whether the *_request_async and llm_job_* tools are registered
     * @param skillLines "- skills://name — description" lines, possibly empty
     */
    public static String text(long syncDeadlineMs, boolean asyncEnabled, List<String> skillLines) {
        StringBuilder s = new StringBuilder();
        s.append("llm-cli-gateway drives the Claude Code (claude), Codex (codex), Gemini (gemini), Grok (grok) and "
                + "Mistral Vibe (vibe, tool prefix mistral) command-line agents for you.\n\n");
        s.append("Tool groups:\n");
        s.append("- claude_request, codex_request, gemini_request, grok_request, mistral_request: run one prompt "
                + "through a CLI and wait for the answer. codex_fork_session forks a Codex conversation.\n");
        if (asyncEnabled) {
            s.append("- claude_request_async, codex_request_async, gemini_request_async, grok_request_async, "
                    + "mistral_request_async: start a durable job and return its id at once.\n");
            s.append("- llm_job_status, llm_job_result, llm_job_cancel, llm_job_watch: poll (tailChars for the latest "
                    + "output), fetch (page big outputs with offset), cancel, and wait for a job with progress.\n");
        } else {
            s.append("- Async job tools (*_request_async, llm_job_*) are not registered on this gateway; "
                    + "llm_process_health shows why in persistence.warning.\n");
        }
        s.append("- validate_with_models, second_opinion, compare_answers, red_team_review, consensus_check, "
                + "ask_model, synthesize_validation, list_available_models, job_status, job_result: cross-model "
                + "validation.\n");
        s.append("- review_changes, validation_receipt: read-only multi-model review of a Git repository's change set "
                + "with a judge and a receipt (review-receipt://<id>).\n");
        s.append("- session_create, session_list, session_set_active, session_get, session_delete, "
                + "session_clear_all: conversation sessions per CLI.\n");
        s.append("- list_models, cli_versions, upstream_contracts, cli_upgrade, approval_list, llm_process_health: "
                + "models, installed versions, flag contracts, upgrades, approval audit and process health.\n");
        s.append("- llm_request_result: find any earlier request again by its correlationId (status, timings, "
                + "response).\n\n");
        s.append("Key behaviours:\n");
        if (syncDeadlineMs > 0) {
            s.append("- Sync auto-defers at ").append(syncDeadlineMs).append(" ms: a request still running then "
                    + "returns {status:\"deferred\", jobId}; ").append(asyncEnabled
                            ? "poll it with llm_job_status and fetch it with llm_job_result.\n"
                            : "poll it with job_status and fetch it with job_result.\n");
        } else {
            s.append("- Sync requests run inline to completion (SYNC_DEADLINE_MS=0).\n");
        }
        s.append("- Session continuity per CLI: Claude --continue / --session-id, Gemini --resume, Grok and Mistral "
                + "--resume / --continue (Mistral needs session_logging.enabled=true in ~/.vibe/config.toml), Codex "
                + "exec resume <ID> / exec resume --last. Gateway-made ids (gw-*) cannot be resumed.\n");
        s.append("- Approval gates are opt-in: approvalStrategy:\"mcp_managed\".\n");
        s.append("- workingDir (absolute path) runs a CLI in that project; addDir gives Claude, Codex and Gemini extra "
                + "directories. Over HTTP both must lie under the gateway's allowed roots.\n");
        s.append("- Idle timeout: a CLI silent for 10 minutes (idleTimeoutMs to change) is stopped.\n");
        if (!skillLines.isEmpty()) {
            s.append("\nSkills:\n");
            for (String line : skillLines) {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }
}
