package com.verivus.gateway.provider;

import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What adapters need from the gateway besides the request: the environment (HOME, env vars, cwd),
 * the data directory (where the generated Claude MCP config goes), a directory for temp files
 * (Codex output schemas), the id source, and the Codex thread-id lookup.
 */
public record PrepareContext(GatewayEnvironment env, Path dataDirectory, Path tempDirectory, IdSource ids,
                             UpstreamSessionLookup codexThreads) {

    public PrepareContext {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        tempDirectory = tempDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : tempDirectory;
        ids = ids == null ? IdSource.random() : ids;
        codexThreads = codexThreads == null ? UpstreamSessionLookup.NONE : codexThreads;
    }

    /** Production defaults: system temp dir, random ids, no thread lookup. */
    public static PrepareContext of(GatewayEnvironment env, Path dataDirectory) {
        return new PrepareContext(env, dataDirectory, null, null, null);
    }

    public PrepareContext withIds(IdSource newIds) {
        return new PrepareContext(env, dataDirectory, tempDirectory, newIds, codexThreads);
    }

    public PrepareContext withCodexThreads(UpstreamSessionLookup lookup) {
        return new PrepareContext(env, dataDirectory, tempDirectory, ids, lookup);
    }

    public PrepareContext withTempDirectory(Path dir) {
        return new PrepareContext(env, dataDirectory, dir, ids, codexThreads);
    }
}
