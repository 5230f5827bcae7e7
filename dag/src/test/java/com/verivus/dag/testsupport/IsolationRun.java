package com.verivus.dag.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code isolate run} in-process against a temp repository, with a temp HOME, a controlled
 * environment and the {@link FakeGateway} started as a real process through --gateway-command.
 */
public final class IsolationRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repo;
    private final Path home;
    private final Path work;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> extraArgs = new ArrayList<>();
    private boolean withGatewayCommand = true;

    /** The outcome: exit code, streams, the JSON report and the fake gateway's record lines. */
    public record Result(int exitCode, String out, String err, JsonNode report, List<JsonNode> gatewayRecord) {

        public JsonNode unit(String id) {
            for (JsonNode unit : report.path("units")) {
                if (unit.path("unit_id").asText().equals(id)) {
                    return unit;
                }
            }
            throw new AssertionError("no record for " + id + " in " + report.toPrettyString());
        }

        public List<JsonNode> findings() {
            List<JsonNode> findings = new ArrayList<>();
            report.path("findings").forEach(findings::add);
            return findings;
        }

        public List<String> notRun() {
            List<String> ids = new ArrayList<>();
            report.path("not_run").forEach(n -> ids.add(n.path("unit_id").asText()));
            return ids;
        }
    }

    public IsolationRun(Path repo, Path home, Path work) {
        this.repo = repo;
        this.home = home;
        this.work = work;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("FAKE_GATEWAY_RECORD", work.resolve("gateway-record.jsonl").toString());
    }

    public IsolationRun env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public IsolationRun args(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    public IsolationRun withoutGatewayCommand() {
        withGatewayCommand = false;
        return this;
    }

    /** The shell command that starts the fake gateway with this JVM's java and the test classes. */
    public static String fakeGatewayCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path classes = Path.of(FakeGateway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return "'" + java + "' -cp '" + classes + "' " + FakeGateway.class.getName() + " --transport=http";
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fake gateway as a stdio server: java, then the arguments (what a client's server entry holds). */
    public static List<String> fakeGatewayArgv() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path classes = Path.of(FakeGateway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(java, "-cp", classes.toString(), FakeGateway.class.getName());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Result run() throws IOException {
        Path report = work.resolve("report-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("run", "--repo", repo.toString(), "--report", report.toString()));
        if (withGatewayCommand) {
            args.add("--gateway-command");
            args.add(fakeGatewayCommand());
        }
        args.addAll(extraArgs);
        CliRun cli = CliRun.of(env, work, args.toArray(String[]::new));
        JsonNode json = Files.exists(report) ? JSON.readTree(report.toFile()) : JSON.createObjectNode();
        List<JsonNode> record = new ArrayList<>();
        Path recordFile = work.resolve("gateway-record.jsonl");
        if (Files.exists(recordFile)) {
            for (String line : Files.readAllLines(recordFile)) {
                record.add(JSON.readTree(line));
            }
            Files.delete(recordFile);
        }
        return new Result(cli.exitCode(), cli.out(), cli.err(), json, record);
    }

    public Path home() {
        return home;
    }
}
