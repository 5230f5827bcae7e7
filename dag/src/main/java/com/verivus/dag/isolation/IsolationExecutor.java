package com.verivus.dag.isolation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.model.Dag;
import com.verivus.dag.model.DagDocument;
import com.verivus.dag.model.DagReadException;
import com.verivus.dag.model.DagReader;
import com.verivus.dag.model.Unit;
import com.verivus.dag.schedule.Schedule;
import com.verivus.dag.validate.DagValidator;
import com.verivus.dag.validate.ValidationOptions;
import com.verivus.dag.validate.ValidationResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Executes the per-project isolation DAG for one repository. The DAG drives the run: it is validated
 * first, its units are matched to this executor's steps by name, and they run in layer order through
 * a {@link Schedule}. Gates are evaluated where they belong; the first failed gate stops the run, and
 * every unit and finding goes into the {@link RunReport}. It fails closed: a DAG with a unit or gate
 * this executor cannot perform, or without the verification unit, is not run at all.
 */
public final class IsolationExecutor {

    /** The shipped DAG, on the class path in the Maven build and in the JBang build (//FILES). */
    public static final String SHIPPED_DAG = "per-project-isolation.dag.toml";

    private final IsolationSettings settings;
    private final ProgressLog log;

    public IsolationExecutor(IsolationSettings settings, ProgressLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** @throws DagReadException when the DAG file is missing or not TOML (nothing was evaluated) */
    public RunReport run() throws DagReadException {
        Instant started = Instant.now();
        DagDocument document = settings.dagFile().isPresent() ? DagReader.read(settings.dagFile().get())
                : DagReader.readResource(SHIPPED_DAG);
        ValidationResult validation = DagValidator.validate(document,
                new ValidationOptions(settings.mode(), false, false, null, Set.of("policy")));
        validation.warnings().forEach(w -> log.info("warning: " + w));
        String repoText = settings.repo().toString();
        if (!validation.valid()) {
            return refused(document.source(), document.source(), repoText, started,
                    validation.errors().stream().map(e -> "invalid DAG: " + e).toList());
        }
        Dag dag = validation.dag();
        Map<String, IsolationStep> steps = new LinkedHashMap<>();
        List<String> problems = mapUnits(dag, steps);
        if (!problems.isEmpty()) {
            return refused(dag.source(), dag.title(), repoText, started, problems);
        }

        Schedule schedule = Schedule.of(validation);
        Map<String, String> gates = new LinkedHashMap<>();
        List<UnitRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<RunReport.NotRun> notRun = new ArrayList<>();
        String firstUnit = schedule.next().map(Unit::id).orElse(null);
        log.info((settings.dryRun() ? "dry run of " : "running ") + dag.title() + " (" + dag.source() + ") for "
                + settings.repo());

        PreflightGates.RepoPath repoPath = PreflightGates.repoPath(settings, dag.policy("instance"), firstUnit);
        gates.put(Gate.REPO_ABS_PATH_RESOLVED.id(), repoPath.finding().isPresent() ? "failed" : "passed");
        gates.put(Gate.NO_LEGACY_ENV_LEAK.id(), "not_evaluated"); // keeps the report in evaluation order
        RunContext context = null;
        try {
            if (repoPath.finding().isPresent()) {
                findings.add(repoPath.finding().get());
            } else {
                IsolationInstance instance = repoPath.instance().orElseThrow();
                repoText = instance.repo().toString();
                log.info("gate_repo_abs_path_resolved: repo_abs_path = " + repoText);
                List<Finding> legacy = PreflightGates.legacyEnvironment(settings, instance.repo(), firstUnit);
                gates.put(Gate.NO_LEGACY_ENV_LEAK.id(), legacy.isEmpty() ? "passed" : "failed");
                findings.addAll(legacy);
                if (legacy.isEmpty()) {
                    context = new RunContext(settings, instance, GitRepository.at(instance.repo(),
                            settings.environment()), log);
                    execute(schedule, steps, context, gates, records, findings, notRun);
                }
            }
        } finally {
            String stopped = context == null ? null : context.stopGateway();
            if (stopped != null) {
                log.info(stopped); // a failure between U04 and U05 must not leak the process
            }
        }
        for (String id : schedule.remaining()) {
            if (records.stream().noneMatch(r -> r.unitId().equals(id))
                    && notRun.stream().noneMatch(n -> n.unitId().equals(id))) {
                Unit unit = dag.unit(id).orElseThrow();
                notRun.add(new RunReport.NotRun(id, unit.name(), findings.isEmpty() ? "not reached"
                        : "stopped by " + findings.getFirst().gateId()));
            }
        }
        for (Unit unit : dag.units()) {
            for (Gate gate : steps.get(unit.id()).gates()) {
                gates.putIfAbsent(gate.id(), "not_evaluated");
            }
        }
        return new RunReport(dag.source(), dag.title(), repoText, settings.dryRun(), started, Instant.now(), records,
                findings, gates, notRun, List.of());
    }

    private void execute(Schedule schedule, Map<String, IsolationStep> steps, RunContext context,
                         Map<String, String> gates, List<UnitRecord> records, List<Finding> findings,
                         List<RunReport.NotRun> notRun) {
        Optional<Unit> next;
        while ((next = schedule.next()).isPresent()) {
            Unit unit = next.get();
            IsolationStep step = steps.get(unit.id());
            if (settings.dryRun() && step.needsGateway()) {
                for (String id : schedule.remaining()) {
                    notRun.add(new RunReport.NotRun(id, steps.get(id).unitName(),
                            "dry run: isolate starts no gateway and verifies nothing"));
                }
                return;
            }
            schedule.start(unit.id());
            log.unit(unit.id(), unit.name() + " (layer " + unit.layer() + ", " + schedule.progress() + ")");
            StepResult result;
            try {
                result = step.run(unit, context);
            } catch (IOException | RuntimeException e) {
                Gate gate = step.gates().getFirst();
                result = new StepResult(false, false, List.of(), List.of(), null, List.of(Finding.of(gate, unit.id(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(), "the step completes",
                        "fix the cause (permissions, disk space, file contents), then re-run")));
            }
            records.add(new UnitRecord(unit.id(), unit.name(), result.completed() ? "completed" : "failed",
                    result.changed(), result.artefacts().stream().map(Object::toString).toList(), result.output(),
                    result.verificationQuote()));
            for (Gate gate : step.gates()) {
                boolean failed = result.findings().stream().anyMatch(f -> f.gateId().equals(gate.id()));
                gates.put(gate.id(), failed ? "failed" : result.completed() ? "passed" : "not_evaluated");
            }
            findings.addAll(result.findings());
            if (!result.completed()) {
                schedule.block(unit.id());
                log.unit(unit.id(), "failed; the run stops here");
                return;
            }
            schedule.complete(unit.id());
        }
    }

    /** Matches every unit to a step by name; what cannot be matched is a reason not to run (fail closed). */
    private static List<String> mapUnits(Dag dag, Map<String, IsolationStep> steps) {
        List<String> problems = new ArrayList<>();
        for (Unit unit : dag.units()) {
            Optional<IsolationStep> step = IsolationStep.all().stream()
                    .filter(s -> s.unitNames().contains(unit.name())).findFirst();
            if (step.isEmpty()) {
                problems.add(unit.id() + " `" + unit.name() + "` is not a unit this executor can perform");
            } else {
                steps.put(unit.id(), step.get());
            }
        }
        if (dag.units().stream().noneMatch(u -> u.name().equals(new HealthVerificationStep().unitName()))) {
            problems.add("the DAG has no `verify-via-llm-process-health` unit, and the verification unit is never skipped");
        }
        ObjectNode declared = dag.policy("gates");
        declared.fieldNames().forEachRemaining(id -> {
            if (Gate.byId(id).isEmpty()) {
                problems.add("[policy.gates] declares `" + id + "`, which this executor cannot evaluate");
            }
        });
        return problems;
    }

    private RunReport refused(String source, String title, String repo, Instant started, List<String> problems) {
        problems.forEach(p -> log.info("cannot run: " + p));
        return new RunReport(source, title, repo, settings.dryRun(), started, Instant.now(), List.of(), List.of(),
                Map.of(), List.of(), problems);
    }
}
