package com.verivus.gateway.cli;

import com.verivus.gateway.testing.GatewayProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a gateway entry point in its own JVM to completion, the way a user runs it, with exactly
 * {@code env} and stdout/stderr in files (a command that leaves a detached gateway behind must not keep
 * a pipe of this test open). The java binary and classpath are {@link GatewayProcess}'s; a gateway
 * the test talks to while it runs is a {@link GatewayProcess}.
 */
record ProcessRun(int exitCode, String out, String err) {

    static ProcessRun java(String mainClass, Map<String, String> env, Path cwd, long timeoutSeconds, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of(GatewayProcess.javaHome().resolve("bin/java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", GatewayProcess.classpath(), mainClass));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Path out = Files.createTempFile("run", ".out");
            Path err = Files.createTempFile("run", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(mainClass + " " + List.of(args) + " did not finish within " + timeoutSeconds
                        + " s; stderr: " + Files.readString(err));
            }
            ProcessRun run = new ProcessRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
