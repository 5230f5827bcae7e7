/**
 * Provider adapters: how the gateway speaks to the claude, codex, gemini, grok and vibe CLIs. Nothing here
 * knows MCP; the request tools sit on top.
 *
 * <p>One entry point per CLI turns a request record into a {@link com.verivus.gateway.provider.PreparedRun}:
 * {@code ClaudeAdapter.prepare(ClaudeRequest, Optional<activeSessionId>, PrepareContext)},
 * {@code CodexAdapter.prepare(CodexRequest, Optional<activeSessionId>, PrepareContext)},
 * {@code CodexAdapter.prepareFork(CodexForkRequest, Optional<activeSessionId>, PrepareContext)},
 * {@code GeminiAdapter.prepare(GeminiRequest, PrepareContext)}, {@code GrokAdapter.prepare(GrokRequest,
 * PrepareContext)}, {@code MistralAdapter.prepare(MistralRequest, PrepareContext)}. Each validates (exact
 * §1.2 messages, {@link com.verivus.gateway.provider.ProviderRequestException}), plans the session purely,
 * builds the argv in §3 order and checks it against
 * {@link com.verivus.gateway.provider.contract.UpstreamContracts} before returning; nothing outside the
 * contract can reach the job engine.
 *
 * <p>The caller then: hands {@code run.invocation()} to the job engine (which deletes
 * {@code invocation.tempFiles()} exactly once when the run ends and never deduplicates
 * {@code continuesConversation} runs); performs {@code run.session().storeActions()} on the session store
 * (sync: after success; async: before starting the job); after the run performs
 * {@code run.session().afterRunActions()} ({@code RecordUpstreamSessionId}: read the id with
 * {@code CodexThreadId.find(stdout, stderr)} and merge it into the session's metadata); reports
 * {@code run.session().effectiveSessionId()} as {@code sessionId}, {@code run.session().resumable()} (when
 * non-null) as {@code resumable}, {@code run.mcpServers().toMap()} as {@code mcpServers}; and reads token
 * usage with {@link com.verivus.gateway.provider.UsageExtractor#extract}.
 */
package com.verivus.gateway.provider;
