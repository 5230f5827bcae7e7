package com.verivus.gateway.lifecycle;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.files.PrivateDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of a background gateway in {@code ~/.llm-cli-gateway/}, where the Node installer keeps
 * them: {@code auth-token}, {@code gateway.pid}, {@code gateway.log}, {@code gateway.err.log}.
 */
public record GatewayFiles(Path directory, Path authToken, Path pidFile, Path log, Path errLog) {

    public static GatewayFiles of(GatewayEnvironment env) {
        Path dir = env.defaultDataDirectory();
        return new GatewayFiles(dir, dir.resolve("auth-token"), dir.resolve("gateway.pid"), dir.resolve("gateway.log"),
                dir.resolve("gateway.err.log"));
    }

    /** Creates the directory (0700) when missing. */
    public void ensureDirectory() throws IOException {
        PrivateDirectory.create(directory);
    }

}
