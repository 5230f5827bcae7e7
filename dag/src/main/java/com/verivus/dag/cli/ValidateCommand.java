package com.verivus.dag.cli;

import com.verivus.dag.model.DagDocument;
import com.verivus.dag.model.DagReadException;
import com.verivus.dag.model.DagReader;
import com.verivus.dag.validate.DagValidator;
import com.verivus.dag.validate.ValidationMode;
import com.verivus.dag.validate.ValidationOptions;
import com.verivus.dag.validate.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code isolate validate <file>}: checks any implementation-dag file. The report mirrors the
 * reference validator's ("IMPLEMENTATION DAG VALIDATION FAILED" then one "- error" line each, exit 1;
 * exit 2 when the file is missing or not TOML), so the shared conformance runner can drive it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate an implementation-dag TOML file (agent-assurance spec).")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    IsolateCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "The DAG-TOML file to validate.")
    Path file;

    @ArgGroup(exclusive = true)
    ModeOption mode;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Option(names = "--allow-placeholders", description = "Accept <...> placeholders in files_create/files_modify.")
    boolean allowPlaceholders;

    @Option(names = "--check-paths-exist", description = "Verify that every files_modify path exists under --repo-root.")
    boolean checkPathsExist;

    @Option(names = "--repo-root", paramLabel = "<dir>", description = "Repository root for --check-paths-exist.")
    Path repoRoot;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path path = parent.workingDirectory().resolve(file).normalize();
        DagDocument document;
        try {
            document = DagReader.read(path);
        } catch (DagReadException e) {
            err.println("error: " + e.getMessage());
            if (json) {
                out.println(DocumentJson.JSON.createObjectNode().put("file", path.toString()).put("valid", false)
                        .put("error", e.getMessage()).toPrettyString());
            }
            return ExitCode.UNUSABLE_INPUT;
        }
        ValidationMode validationMode = ModeOption.of(mode);
        ValidationResult result = DagValidator.validate(document, new ValidationOptions(validationMode,
                allowPlaceholders, checkPathsExist, repoRoot == null ? null : parent.workingDirectory().resolve(repoRoot)));
        if (json) {
            out.println(DocumentJson.validation(path.toString(), result).toPrettyString());
        } else {
            printText(path, result, out, err);
        }
        return result.valid() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void printText(Path path, ValidationResult result, PrintWriter out, PrintWriter err) {
        result.warnings().forEach(w -> err.println("warning: " + w));
        if (!result.valid()) {
            out.println("IMPLEMENTATION DAG VALIDATION FAILED");
            result.errors().forEach(e -> out.println("- " + e));
            return;
        }
        out.println("IMPLEMENTATION DAG VALIDATION PASSED");
        out.println("- file: " + path);
        out.println("- mode: " + result.mode().name().toLowerCase(Locale.ROOT));
        out.println("- units: " + result.graph().size());
        out.println("- layers: " + result.derived().maxParallel().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
        result.derived().critical().ifPresent(cp -> out.println("- critical_path: "
                + String.join(" -> ", cp.path()) + " (critical_path_loc " + cp.loc() + ")"));
        if (!result.warnings().isEmpty()) {
            out.println("- warnings: " + result.warnings().size());
        }
    }
}
