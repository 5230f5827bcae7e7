/**
 * Provider requests end to end, below the MCP layer: {@link com.verivus.gateway.request.RequestPipeline}
 * takes a {@link com.verivus.gateway.request.RequestSpec} (built by the request tools from a call), prepares
 * it with the provider adapter, runs it through the {@link com.verivus.gateway.job.JobEngine} (or the direct
 * path when SYNC_DEADLINE_MS is 0) and answers a {@link com.verivus.gateway.request.RequestReply}, which the
 * tools turn into an MCP result.
 *
 * <p>Where this differs from llm-cli-gateway 1.5.14, on purpose:
 * <ul>
 * <li>A sync call waits for its job's settlement signal, not a one-second poll, and sends MCP progress
 *     notifications every two seconds while it waits (when the client gave a progress token).</li>
 * <li>Every request gets a flight-recorder row, async and codex_fork_session included; a deferred request's
 *     row (and its session bookkeeping) is completed when its job ends; canceled and orphaned runs are
 *     recorded as such. The approval decision is recorded for every CLI, also on failures; a denied request
 *     leaves a failed row carrying the decision. {@code session_id} holds the session the run used (the
 *     generated Gemini id, the forked thread), {@code system} Claude's system prompt, {@code async_job_id}
 *     the job that ran the request, and {@code optimization_applied} whether an optimisation really ran.</li>
 * <li>Metrics count each request once, when it ends (Node counted sync requests twice); canceled and
 *     orphaned runs are not counted; requests refused after their row started (approval denied, session
 *     store failure) count as failures.</li>
 * <li>A deferred reply names only job tools registered on this gateway: llm_job_* when async jobs are on,
 *     else job_status/job_result when the validation tools are there (no cancel tool), else none.</li>
 * <li>Claude stream-json token counts and cost reach structuredContent.</li>
 * <li>sessionId, resumable, approval, reviewIntegrity and mcpServers — top-level keys of the Node result —
 *     are carried in structuredContent (the MCP SDK result has no arbitrary top-level keys).</li>
 * <li>codex_fork_session works and returns the success shape, with the forked conversation's thread id as
 *     sessionId. A Mistral answer reports the model vibe actually ran (devstral-medium when none resolved).</li>
 * <li>An invalid request is refused before the approval gate sees it, so it leaves no approval record.</li>
 * </ul>
 */
package com.verivus.gateway.request;
