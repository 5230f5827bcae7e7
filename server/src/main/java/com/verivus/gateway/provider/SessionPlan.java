package com.verivus.gateway.provider;

import java.util.List;
import java.util.Optional;

/**
 * The pure outcome of session planning for one run.
 *
 * @param mode what the session arguments do
 * @param args the session tokens, in the order they appear in {@link CliInvocation#args()}, where the adapter
 *             already placed them (Codex: {@code resume} right after {@code exec}, the thread id or {@code --last}
 *             in its slot; the others: at the end of the argv)
 * @param effectiveSessionId the session id the response reports as {@code sessionId} (null when none)
 * @param upstreamSessionId the id handed to the CLI itself, when it differs from the gateway's (Codex
 *                          thread id resolved from the session's metadata), else the same as sent, or null
 * @param resumable the {@code resumable} response field (Gemini, Grok, Mistral); null for Claude and Codex
 * @param continuesConversation true when the run resumes or continues existing conversation state; such
 *                              runs must not be deduplicated (mirrors {@link CliInvocation#continuesConversation()})
 * @param bookkeeping what the caller must do in the session store, in order
 */
public record SessionPlan(SessionMode mode, List<String> args, String effectiveSessionId, String upstreamSessionId,
                          Boolean resumable, boolean continuesConversation, List<SessionAction> bookkeeping) {

    public SessionPlan {
        args = List.copyOf(args);
        bookkeeping = List.copyOf(bookkeeping);
    }

    /**
     * The plan of a request that joined an identical earlier run instead of starting its own: the session id
     * this plan minted is replaced by the one that run was started with, in the args and the bookkeeping.
     */
    public SessionPlan joining(String minted, String existing) {
        List<String> joinedArgs = args.stream().map(a -> a.equals(minted) ? existing : a).toList();
        List<SessionAction> joinedBookkeeping = bookkeeping.stream().map(a -> switch (a) {
            case SessionAction.EnsureSession e when e.sessionId().equals(minted) ->
                    new SessionAction.EnsureSession(e.cli(), existing, e.description());
            case SessionAction.TouchSession t when t.sessionId().equals(minted) ->
                    new SessionAction.TouchSession(t.cli(), existing);
            default -> a;
        }).toList();
        return new SessionPlan(mode, joinedArgs, swap(effectiveSessionId, minted, existing),
                swap(upstreamSessionId, minted, existing), resumable, continuesConversation, joinedBookkeeping);
    }

    private static String swap(String id, String minted, String existing) {
        return minted.equals(id) ? existing : id;
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(effectiveSessionId);
    }

    /** The actions to run before the job starts (async) or after success (sync): all but the after-run ones. */
    public List<SessionAction> storeActions() {
        return bookkeeping.stream().filter(a -> !(a instanceof SessionAction.RecordUpstreamSessionId)).toList();
    }

    /** The actions that need the finished run's output. */
    public List<SessionAction.RecordUpstreamSessionId> afterRunActions() {
        return bookkeeping.stream().filter(a -> a instanceof SessionAction.RecordUpstreamSessionId)
                .map(a -> (SessionAction.RecordUpstreamSessionId) a).toList();
    }
}
