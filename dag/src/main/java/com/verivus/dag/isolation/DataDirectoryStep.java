package com.verivus.dag.isolation;

import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** U01: the repo-local data directory exists and .gitignore keeps its SQLite files out of git. */
final class DataDirectoryStep implements IsolationStep {

    @Override
    public String unitName() {
        return "create-repo-local-data-dir";
    }

    @Override
    public List<Gate> gates() {
        return List.of(Gate.DATA_DIR_IGNORED);
    }

    @Override
    public StepResult run(Unit unit, RunContext context) throws IOException {
        StepResult.Builder out = new StepResult.Builder(unit.id(), context.log());
        Path dir = context.instance().dataDir();
        out.artefact(dir);
        if (context.files().isDirectory(dir)) {
            out.line(dir + " already exists");
        } else if (context.files().exists(dir)) {
            return out.failed(Finding.of(Gate.DATA_DIR_IGNORED, unit.id(), dir + " exists but is not a directory",
                    "a directory at " + dir, "move that file out of the way, then re-run"));
        } else {
            context.files().createDirectories(dir);
            out.line((context.dryRun() ? "would create " : "created ") + dir).changed();
        }
        String rel = context.instance().relative(dir);
        String db = context.instance().relative(context.instance().sqliteDb());
        List<String> probes = context.instance().sqliteDb().startsWith(dir)
                ? List.of(db, db + "-wal", db + "-shm", rel + "/sessions.json")
                : List.of(rel + "/sessions.json");
        Optional<Finding> finding = IgnoreEntry.ensure(context, out, unit.id(), Gate.DATA_DIR_IGNORED, dir, true, probes);
        return finding.map(out::failed).orElseGet(out::completed);
    }
}
