package com.verivus.gateway.session;

import com.verivus.gateway.provider.CliName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's conversation sessions: at most one active session per CLI, sessions expire a TTL
 * after their last use (expired ones are removed lazily, when an operation meets them).
 * Implementations are safe to use from many threads, and a shared store stays consistent when
 * several gateway processes use it at once.
 */
public interface SessionStore {

    /** What {@link #create} does with the CLI's active-session pointer. */
    enum Activation {
        /** The Node gateway's rule: the new session becomes active only when the CLI has no active session. */
        IF_NONE_ACTIVE,
        /** The new session becomes the CLI's active session. */
        ALWAYS,
        /** The active-session pointer is left as it is. */
        NEVER
    }

    /**
     * Creates a session (replacing any stored session with the same id).
     *
     * @param description null for the default "{@code <Cli>} Session"
     * @param id null or empty for a random UUID
     */
    Session create(CliName cli, String description, String id, Activation activation);

    default Session create(CliName cli, String description) {
        return create(cli, description, null, Activation.IF_NONE_ACTIVE);
    }

    /** The unexpired session with this id; an expired one is deleted and reported as absent. */
    Optional<Session> get(String id);

    /** All unexpired sessions, oldest entries first. */
    List<Session> list();

    /** The unexpired sessions of one CLI. */
    List<Session> list(CliName cli);

    /**
     * Points the CLI's active session at {@code id}, or clears it when {@code id} is null. False
     * when the session does not exist, has expired or belongs to another CLI (nothing changes).
     */
    boolean setActive(CliName cli, String id);

    /** The CLI's active session when it exists and has not expired; a stale pointer is cleared. */
    Optional<Session> getActive(CliName cli);

    /** The active session id of every CLI (null when none), in CliName order. */
    Map<CliName, String> activeSessionIds();

    /** Sessions (all, or one CLI's) and the active ids, read in one consistent step. */
    Overview overview(CliName cliOrNull);

    /** Marks the session used now. Unknown ids are ignored; an expired session is deleted. */
    void updateUsage(String id);

    /** Shallow-merges {@code metadata} into the session's metadata. False when the session is unknown or expired. */
    boolean updateMetadata(String id, Map<String, Object> metadata);

    /** Deletes the session and clears the active pointer that named it. False when there was none. */
    boolean delete(String id);

    /** Deletes every session (of one CLI, or all when {@code cliOrNull} is null) and returns how many. */
    int clearAll(CliName cliOrNull);

    /** A listing with the active ids read at the same moment. */
    record Overview(List<Session> sessions, Map<CliName, String> activeSessionIds) {
        public Overview {
            sessions = List.copyOf(sessions);
            java.util.EnumMap<CliName, String> copy = new java.util.EnumMap<>(CliName.class);
            copy.putAll(activeSessionIds);
            activeSessionIds = java.util.Collections.unmodifiableMap(copy);
        }

        public boolean isActive(Session session) {
            return session.id().equals(activeSessionIds.get(session.cli()));
        }
    }
}
