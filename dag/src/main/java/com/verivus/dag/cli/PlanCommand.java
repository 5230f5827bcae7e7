package com.verivus.dag.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.graph.CriticalPaths;
import com.verivus.dag.model.DagReadException;
import com.verivus.dag.model.DagReader;
import com.verivus.dag.model.Unit;
import com.verivus.dag.schedule.Schedule;
import com.verivus.dag.validate.DagValidator;
import com.verivus.dag.validate.ValidationOptions;
import com.verivus.dag.validate.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code isolate plan <file>}: the layers, the ready set, progress and the critical path(s). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the execution plan of an implementation-dag file: layers, ready set, critical path.")
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    IsolateCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "The DAG-TOML file to plan.")
    Path file;

    @ArgGroup(exclusive = true)
    ModeOption mode;

    @Option(names = "--json", description = "Print the plan as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path path = parent.workingDirectory().resolve(file).normalize();
        ValidationResult result;
        try {
            result = DagValidator.validate(DagReader.read(path),
                    new ValidationOptions(ModeOption.of(mode), false, false, null));
        } catch (DagReadException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.UNUSABLE_INPUT;
        }
        result.warnings().forEach(w -> err.println("warning: " + w));
        if (!result.valid()) {
            err.println("cannot plan an invalid DAG:");
            result.errors().forEach(e -> err.println("- " + e));
            return ExitCode.FAILED;
        }
        Schedule schedule = Schedule.of(result);
        if (json) {
            out.println(json(path, schedule).toPrettyString());
        } else {
            text(result, schedule, out);
        }
        return ExitCode.OK;
    }

    private static void text(ValidationResult result, Schedule schedule, PrintWriter out) {
        CriticalPaths cp = schedule.criticalPaths();
        out.println(result.dag().title() + " (" + result.graph().size() + " units, "
                + schedule.layers().size() + " layers, " + result.derived().locAll() + " LOC)");
        schedule.layers().forEach((layer, units) -> {
            out.println("layer " + layer + " (max parallel " + units.size() + "):");
            units.forEach(u -> out.println("  " + u.id() + " " + u.name() + " [tier " + u.tier() + ", "
                    + u.estimatedLoc() + " LOC, " + u.status().key()
                    + (u.dependsOn().isEmpty() ? "" : ", after " + String.join(", ", u.dependsOn())) + "]"));
        });
        out.println("ready: " + ids(schedule.ready()));
        out.println("parallel candidates: " + ids(schedule.parallelCandidates()));
        out.println("progress: " + schedule.progress());
        out.println("critical path (" + cp.loc() + " LOC): " + String.join(" -> ", cp.path()));
        if (cp.count() > 1) {
            out.println("  " + cp.count() + " paths share that length"
                    + (cp.count() > cp.examples().size() ? "; the first " + cp.examples().size() + ":" : ":"));
            cp.examples().forEach(p -> out.println("  - " + String.join(" -> ", p)));
        }
    }

    private static ObjectNode json(Path path, Schedule schedule) {
        ObjectNode root = DocumentJson.JSON.createObjectNode();
        root.put("file", path.toString());
        ArrayNode layers = root.putArray("layers");
        schedule.layers().forEach((layer, units) -> {
            ObjectNode entry = layers.addObject();
            entry.put("layer", layer);
            DocumentJson.strings(entry.putArray("units"), units.stream().map(Unit::id).toList());
        });
        DocumentJson.strings(root.putArray("ready"), schedule.ready().stream().map(Unit::id).toList());
        DocumentJson.strings(root.putArray("parallel_candidates"),
                schedule.parallelCandidates().stream().map(Unit::id).toList());
        root.putObject("progress").put("done", schedule.progress().done()).put("total", schedule.progress().total());
        CriticalPaths cp = schedule.criticalPaths();
        ObjectNode critical = root.putObject("critical_path");
        DocumentJson.strings(critical.putArray("units"), cp.path());
        critical.put("loc", cp.loc());
        critical.put("equal_paths", cp.count());
        DocumentJson.paths(critical.putArray("examples"), cp);
        return root;
    }

    private static String ids(List<Unit> units) {
        return units.isEmpty() ? "(none)" : units.stream().map(u -> u.id() + " " + u.name())
                .collect(Collectors.joining(", "));
    }
}
