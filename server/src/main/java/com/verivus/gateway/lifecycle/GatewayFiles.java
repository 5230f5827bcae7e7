package com.verivus.gateway.lifecycle;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the platform's defaults apply
            }
        }
    }

    /** Creates an empty file readable by the owner only (0600) when missing. */
    static void createPrivate(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException ignored) {
            // created concurrently: fine
        }
    }
}
