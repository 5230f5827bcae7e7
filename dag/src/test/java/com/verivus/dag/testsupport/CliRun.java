package com.verivus.dag.testsupport;

import com.verivus.dag.cli.IsolateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the isolate command line in-process with captured streams and a given environment. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Map<String, String> env, Path cwd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IsolateCommand.commandLine(new IsolateCommand(env, cwd, List.of()), new PrintWriter(out, true),
                        new PrintWriter(err, true))
                .execute(IsolateCommand.withDefaultSubcommand(args));
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun of(String... args) {
        return of(Map.of(), Path.of("").toAbsolutePath(), args);
    }

    public String combined() {
        return out + err;
    }
}
