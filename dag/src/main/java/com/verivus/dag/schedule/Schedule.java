package com.verivus.dag.schedule;

import com.verivus.dag.graph.CriticalPaths;
import com.verivus.dag.model.Dag;
import com.verivus.dag.model.Unit;
import com.verivus.dag.model.UnitStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The runtime state of one pass over a DAG (spec §2.7): the TOML says what the work is, this says
 * what has happened. A unit is ready when it is pending and every unit it depends on is done; ready
 * units come out in layer order (then document order), so executing {@link #next()} repeatedly runs
 * the DAG layer by layer. Not thread-safe: one executor drives it.
 */
public final class Schedule {

    private final Dag dag;
    private final Map<String, UnitStatus> status = new LinkedHashMap<>();
    private final Map<String, Integer> position = new HashMap<>();
    private final CriticalPaths critical;

    public Schedule(Dag dag, CriticalPaths critical) {
        this.dag = dag;
        this.critical = critical;
        for (Unit unit : dag.units()) {
            status.put(unit.id(), unit.status());
            position.put(unit.id(), position.size());
        }
    }

    /** A fresh schedule for a document that passed validation. */
    public static Schedule of(com.verivus.dag.validate.ValidationResult result) {
        return new Schedule(result.dag(), result.derived().critical().orElseThrow());
    }

    private Comparator<Unit> layerOrder() {
        return Comparator.comparingInt(Unit::layer).thenComparing(u -> position.get(u.id()));
    }

    /** Units per layer, in document order within a layer. */
    public SortedMap<Integer, List<Unit>> layers() {
        SortedMap<Integer, List<Unit>> layers = new TreeMap<>();
        for (Unit unit : dag.units()) {
            layers.computeIfAbsent(unit.layer(), k -> new ArrayList<>()).add(unit);
        }
        layers.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableSortedMap(layers);
    }

    public List<Unit> ready() {
        return dag.units().stream()
                .filter(u -> status.get(u.id()) == UnitStatus.PENDING)
                .filter(u -> u.dependsOn().stream().allMatch(d -> status.get(d) == UnitStatus.DONE))
                .sorted(layerOrder())
                .toList();
    }

    /** Ready units that can run side by side: greedily chosen so their files_modify sets are disjoint. */
    public List<Unit> parallelCandidates() {
        List<Unit> chosen = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Unit unit : ready()) {
            if (unit.filesModify().stream().noneMatch(claimed::contains)) {
                chosen.add(unit);
                claimed.addAll(unit.filesModify());
            }
        }
        return List.copyOf(chosen);
    }

    public Optional<Unit> next() {
        return ready().stream().findFirst();
    }

    public void start(String id) {
        Unit unit = dag.unit(id).orElseThrow(() -> new IllegalArgumentException("unknown unit " + id));
        if (!ready().contains(unit)) {
            throw new IllegalStateException(id + " is not ready (status " + status.get(id).key()
                    + ", waiting on " + waitingOn(unit) + ")");
        }
        status.put(id, UnitStatus.IN_PROGRESS);
    }

    public void complete(String id) {
        transition(id, UnitStatus.DONE);
    }

    /** A unit that failed is blocked: nothing that depends on it becomes ready. */
    public void block(String id) {
        transition(id, UnitStatus.BLOCKED);
    }

    private void transition(String id, UnitStatus to) {
        if (status.get(id) != UnitStatus.IN_PROGRESS) {
            throw new IllegalStateException(id + " was not started (status " + status.get(id) + ")");
        }
        status.put(id, to);
    }

    public UnitStatus status(String id) {
        return status.get(id);
    }

    private List<String> waitingOn(Unit unit) {
        return unit.dependsOn().stream().filter(d -> status.get(d) != UnitStatus.DONE).toList();
    }

    public Progress progress() {
        int done = (int) status.values().stream().filter(s -> s == UnitStatus.DONE).count();
        return new Progress(done, status.size());
    }

    /** Units not done, in layer order: what is left when a run stops early. */
    public List<String> remaining() {
        return dag.units().stream().filter(u -> status.get(u.id()) != UnitStatus.DONE).sorted(layerOrder())
                .map(Unit::id).toList();
    }

    public CriticalPaths criticalPaths() {
        return critical;
    }
}
