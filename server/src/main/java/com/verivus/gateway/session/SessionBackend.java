package com.verivus.gateway.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The session store a gateway uses, what health://status reports about it, and what to close on
 * shutdown (a pool the store opened itself; nothing for the file store or a pool shared with jobs).
 */
public record SessionBackend(SessionStore store, Supplier<Map<String, Object>> health, AutoCloseable closeable) {

    static SessionBackend file(FileSessionStore store) {
        return new SessionBackend(store, () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "healthy");
            m.put("sessions", "file");
            m.put("path", store.file().toString());
            return m;
        }, () -> { });
    }
}
