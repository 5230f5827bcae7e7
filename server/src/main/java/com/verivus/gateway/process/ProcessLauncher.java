package com.verivus.gateway.process;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts CLI processes the way the Node gateway does: no shell (argv as given), stdin from
 * /dev/null, stdout and stderr piped, environment = the gateway's variables (less its secrets, or only the
 * allow-listed ones: {@link ChildEnvironment}) + the extended PATH + the invocation's variables, working
 * directory = the gateway's.
 */
public final class ProcessLauncher {

    private static final Pattern ERRNO = Pattern.compile("error(?:=|: )(\\d+)");
    private static final File DEV_NULL = new File("/dev/null");

    private final GatewayEnvironment env;
    private final String path;
    private final Map<String, String> inherited;

    /** @throws com.verivus.gateway.config.ChildEnvironmentConfigException when the child-environment settings are invalid */
    public ProcessLauncher(GatewayEnvironment env) {
        this(env, ChildEnvironment.configured(env));
    }

    public ProcessLauncher(GatewayEnvironment env, ChildEnvironment childEnvironment) {
        this.env = env;
        this.path = ExtendedPath.of(env);
        this.inherited = childEnvironment.inherited(env.variables());
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
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .directory((spec.workingDirectory() != null ? spec.workingDirectory() : env.workingDirectory())
                        .toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.clear();
        childEnv.putAll(inherited);
        childEnv.put("PATH", path);
        childEnv.putAll(spec.extraEnv());
        try {
            return new LaunchOutcome.Started(new ProcessRun(builder.start(), spec.limits()));
        } catch (IOException | RuntimeException e) {
            return new LaunchOutcome.Failed(describe(spec.executable(), e));
        }
    }

    /** Node-style spawn error text: {@code spawn <bin> <ERRNO NAME>}, else the Java message. */
    static LaunchFailure describe(String executable, Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = ERRNO.matcher(message);
        if (m.find()) {
            int errno = Integer.parseInt(m.group(1));
            String name = switch (errno) {
                case 2 -> "ENOENT";
                case 7 -> "E2BIG";
                case 8 -> "ENOEXEC";
                case 12 -> "ENOMEM";
                case 13 -> "EACCES";
                case 20 -> "ENOTDIR";
                case 26 -> "ETXTBSY";
                default -> "errno " + errno;
            };
            return new LaunchFailure(errno == 2, "spawn " + executable + " " + name);
        }
        return new LaunchFailure(false, message);
    }
}
