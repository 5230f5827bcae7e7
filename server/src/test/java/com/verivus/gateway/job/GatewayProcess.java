package com.verivus.gateway.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link JobGatewayMain} in its own JVM, launched with plain java on the built classes. */
final class GatewayProcess implements AutoCloseable {

    final Process process;
    final String jobId;
    private final BufferedReader stdout;

    private GatewayProcess(Process process, BufferedReader stdout, String jobId) {
        this.process = process;
        this.stdout = stdout;
        this.jobId = jobId;
    }

    static GatewayProcess start(JobFixtures fx, Path db, String name, String... cliArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String runtime = Files.readString(Path.of("target", "runtime-classpath.txt")).trim();
        String cp = Path.of("target", "classes").toAbsolutePath() + ":" + Path.of("target", "test-classes").toAbsolutePath()
                + ":" + runtime;
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-cp", cp, JobGatewayMain.class.getName(), db.toString(), fx.home.toString(), fx.env.workingDirectory()
                        .toString()));
        command.addAll(List.of(cliArgs));
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(fx.root.resolve(name + ".stderr.log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("JOB ")) {
            p.destroyForcibly();
            throw new IOException("gateway " + name + " did not start a job: " + line + "; stderr: "
                    + Files.readString(fx.root.resolve(name + ".stderr.log")));
        }
        return new GatewayProcess(p, out, line.substring(4).trim());
    }

    long pid() {
        return process.pid();
    }

    String nextLine() throws IOException {
        return stdout.readLine();
    }

    /** SIGKILL: no shutdown hook, no final write. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM: the JVM runs its shutdown hook (the engine's shutdown). */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
