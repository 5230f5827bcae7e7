package com.verivus.gateway.mcp.http;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The live MCP sessions of one HTTP transport, keyed by {@code Mcp-Session-Id}, with the time each
 * was last used so that sessions a client abandoned without DELETE can be reclaimed.
 */
final class StreamableSessions {

    private static final class Entry {
        final McpStreamableServerSession session;
        volatile long lastUsedNanos;

        Entry(McpStreamableServerSession session, long now) {
            this.session = session;
            this.lastUsedNanos = now;
        }
    }

    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    StreamableSessions(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    void add(McpStreamableServerSession session) {
        byId.put(session.getId(), new Entry(session, clock.getAsLong()));
    }

    /** The session, marked as used now; empty when unknown (never created, deleted, or reclaimed). */
    Optional<McpStreamableServerSession> use(String id) {
        Entry e = byId.get(id);
        if (e == null) {
            return Optional.empty();
        }
        e.lastUsedNanos = clock.getAsLong();
        return Optional.of(e.session);
    }

    Optional<McpStreamableServerSession> remove(String id) {
        return Optional.ofNullable(byId.remove(id)).map(e -> e.session);
    }

    List<McpStreamableServerSession> all() {
        List<McpStreamableServerSession> out = new ArrayList<>();
        byId.values().forEach(e -> out.add(e.session));
        return out;
    }

    /** Removes and returns the sessions unused for longer than {@code idle} that have no open stream. */
    List<McpStreamableServerSession> removeIdle(Duration idle) {
        long now = clock.getAsLong();
        List<McpStreamableServerSession> removed = new ArrayList<>();
        byId.forEach((id, e) -> {
            if (now - e.lastUsedNanos > idle.toNanos() && !e.session.hasOpenStream() && byId.remove(id, e)) {
                removed.add(e.session);
            }
        });
        return removed;
    }

    int size() {
        return byId.size();
    }

    void clear() {
        byId.clear();
    }
}
