package com.verivus.gateway.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a background gateway runs, as {@code gateway status} reports it.
 *
 * @param pid     the live gateway process named by gateway.pid, or null
 * @param url     the MCP URL it serves (from its "listening on" log line, else the configured binding)
 * @param health  what /healthz answered: {@code ok}, {@code status <code>} or {@code no answer}
 * @param note    why a pid file was ignored, or what else answers the port; null when nothing to say
 */
public record LifecycleStatus(boolean running, Long pid, String url, boolean healthy, String health,
                              GatewayFiles files, String note) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", running);
        m.put("pid", pid);
        m.put("url", url);
        m.put("healthy", healthy);
        m.put("health", health);
        m.put("pid_file", files.pidFile().toString());
        m.put("log_path", files.log().toString());
        m.put("err_log_path", files.errLog().toString());
        m.put("note", note);
        return m;
    }
}
