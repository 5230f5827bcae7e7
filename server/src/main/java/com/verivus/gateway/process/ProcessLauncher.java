package com.verivus.gateway.process;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.process.posix.PipeReactor;
import com.verivus.gateway.process.posix.PosixSpawn;
import com.verivus.gateway.process.posix.SpawnFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts CLI processes the way the Node gateway does: no shell (argv as given), stdin from
 * /dev/null, stdout and stderr piped (posix_spawn with one thread watching every child's pipes, or the
 * JDK's ProcessBuilder: {@link SpawnMethod}), environment = the gateway's variables (less its secrets, or only the
 * allow-listed ones: {@link ChildEnvironment}) + the extended PATH + the invocation's variables, working
 * directory = the gateway's.
 */
public final class ProcessLauncher {

    private static final Pattern ERRNO = Pattern.compile("error(?:=|: )(\\d+)");
    private static final File DEV_NULL = new File("/dev/null");
    private static final int ENOEXEC = 8;
    private static final Duration WARM_UP_DELAY = Duration.ofSeconds(1);
    private static final AtomicBoolean WARMED = new AtomicBoolean();
    private static volatile ProcessLauncher first;

    private final GatewayEnvironment env;
    private final String path;
    private final Map<String, String> inherited;
    private volatile SpawnMethod spawn; // decided at the first launch: probing links native code, which start-up need not pay for

    /** @throws com.verivus.gateway.config.ChildEnvironmentConfigException when the child-environment settings are invalid */
    public ProcessLauncher(GatewayEnvironment env) {
        this(env, ChildEnvironment.configured(env));
    }

    public ProcessLauncher(GatewayEnvironment env, ChildEnvironment childEnvironment) {
        this.env = env;
        this.path = ExtendedPath.of(env);
        this.inherited = childEnvironment.inherited(env.variables());
        warmUpSoon();
    }

    /**
     * A second after the first launcher is built (when a stdio client has had its tools/list answer), warms
     * the spawn path ({@link #warmUpNow()}) unless a stdio client's tools/list answer has done so already.
     */
    private void warmUpSoon() {
        if (first == null) {
            first = this;
            ProcessTimers.shared().schedule(ProcessLauncher::warmUpNow, WARM_UP_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Decides the spawn method and links posix_spawn's native calls on a virtual thread, once per process, so
     * the first CLI run does not pay the one-time cost (~60 ms of CPU on an idle machine, seconds under load).
     * Called when a stdio client has its tool list (its first call may follow at once), else a second after the
     * first launcher exists; does nothing before there is a launcher, and nothing the second time.
     */
    public static void warmUpNow() {
        ProcessLauncher launcher = first;
        if (launcher != null && WARMED.compareAndSet(false, true)) {
            Thread.startVirtualThread(launcher::warmUp);
        }
    }

    private void warmUp() {
        if (spawnMethod() == SpawnMethod.POSIX) {
            try {
                PipeReactor.shared();
            } catch (SpawnFailure e) {
                GatewayLog.debug("the pipe reactor could not start yet: " + e.getMessage());
            }
            PosixSpawn.warmUp();
        }
    }

    /** The PATH children get (and the executable is looked up on). */
    public String path() {
        return path;
    }

    public LaunchOutcome launch(LaunchSpec spec) {
        String searchPath = spec.extraEnv().getOrDefault("PATH", path);
        Optional<ExecutableSearch.Found> found = ExecutableSearch.locate(env, spec.executable(), searchPath);
        if (found.isEmpty()) {
            return new LaunchOutcome.Failed(new LaunchFailure(true, "spawn " + spec.executable() + " ENOENT"));
        }
        List<String> command = new ArrayList<>(spec.args().size() + 1);
        command.add(found.get().path().toString());
        command.addAll(spec.args());
        Path directory = spec.workingDirectory() != null ? spec.workingDirectory() : env.workingDirectory();
        Map<String, String> childEnv = new LinkedHashMap<>(inherited);
        childEnv.put("PATH", path);
        childEnv.putAll(spec.extraEnv());
        if (spawnMethod() == SpawnMethod.POSIX) {
            try {
                return new LaunchOutcome.Started(new ProcessRun(
                        PosixChildProcess.spawn(command, childEnv, directory), spec.limits()));
            } catch (SpawnFailure e) {
                if (e.errno() != ENOEXEC) {
                    return new LaunchOutcome.Failed(forErrno(spec.executable(), e.errno()));
                }
                // a script without "#!": the JDK runs it through /bin/sh, as before
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(childEnv);
        try {
            return new LaunchOutcome.Started(new ProcessRun(new JdkChildProcess(builder.start()), spec.limits()));
        } catch (IOException | RuntimeException e) {
            return new LaunchOutcome.Failed(describe(spec.executable(), e));
        }
    }

    /** How children are started here: posix_spawn unless unavailable or turned off by LLM_GATEWAY_SPAWN=jdk. */
    public SpawnMethod spawnMethod() {
        SpawnMethod method = spawn;
        if (method == null) {
            method = SpawnMethod.configured(env);
            spawn = method;
        }
        return method;
    }

    /** Node-style spawn error text: {@code spawn <bin> <ERRNO NAME>}, else the Java message. */
    static LaunchFailure describe(String executable, Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = ERRNO.matcher(message);
        if (m.find()) {
            return forErrno(executable, Integer.parseInt(m.group(1)));
        }
        return new LaunchFailure(false, message);
    }

    static LaunchFailure forErrno(String executable, int errno) {
        String name = switch (errno) {
            case 2 -> "ENOENT";
            case 7 -> "E2BIG";
            case ENOEXEC -> "ENOEXEC";
            case 12 -> "ENOMEM";
            case 13 -> "EACCES";
            case 20 -> "ENOTDIR";
            case 26 -> "ETXTBSY";
            default -> "errno " + errno;
        };
        return new LaunchFailure(errno == 2, "spawn " + executable + " " + name);
    }
}
