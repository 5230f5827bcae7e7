package com.verivus.dag.isolation;

import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * U02: {@code [persistence] backend = "sqlite"} with the absolute database path, merged into any
 * existing config.toml line by line; a backend the user chose otherwise is a finding, never overwritten.
 */
final class ConfigTomlStep implements IsolationStep {

    @Override
    public String unitName() {
        return "write-config-toml";
    }

    @Override
    public List<Gate> gates() {
        return List.of(Gate.CONFIG_BACKEND_IS_SQLITE);
    }

    @Override
    public StepResult run(Unit unit, RunContext context) throws IOException {
        StepResult.Builder out = new StepResult.Builder(unit.id(), context.log());
        Path config = context.instance().configToml();
        String db = context.instance().sqliteDb().toString();
        out.artefact(config);
        String expected = "[persistence] backend = \"sqlite\", path = " + TomlText.quoted(db);
        String text;
        java.util.Optional<String> current = context.files().read(config);
        if (current.isEmpty()) {
            text = PersistenceTomlEdit.fresh(db);
            out.line((context.dryRun() ? "would write " : "wrote ") + config + " with " + expected).changed();
        } else {
            String existing = current.get();
            PersistenceTomlEdit.Outcome outcome = PersistenceTomlEdit.merge(existing, db);
            if (outcome instanceof PersistenceTomlEdit.Conflict conflict) {
                return out.failed(Finding.of(Gate.CONFIG_BACKEND_IS_SQLITE, unit.id(),
                        config + ": " + conflict.observed(), expected, conflict.remediation()));
            }
            PersistenceTomlEdit.Edited edited = (PersistenceTomlEdit.Edited) outcome;
            text = edited.text();
            if (!edited.changed()) {
                out.line(config + " already has " + expected);
            } else {
                out.changed();
                edited.changes().forEach(c -> out.line((context.dryRun() ? "dry run, not written: " : "") + c + " in " + config));
            }
        }
        if (current.isEmpty() || !current.get().equals(text)) {
            context.files().write(config, text);
        }
        out.quote(persistenceSection(text));
        return out.completed();
    }

    /** The [persistence] table as it stands in the file, for the evidence. */
    private static String persistenceSection(String text) {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : text.lines().toList()) {
            if (line.strip().startsWith("[")) {
                inside = line.strip().replace(" ", "").startsWith("[persistence]");
            }
            if (inside && !line.isBlank()) {
                section.add(line);
            }
        }
        return String.join("\n", section);
    }
}
