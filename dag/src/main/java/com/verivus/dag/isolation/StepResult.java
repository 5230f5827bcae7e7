package com.verivus.dag.isolation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one unit's step did: its artefacts and output, and either success or the findings that stopped it. */
record StepResult(boolean completed, boolean changed, List<Path> artefacts, List<String> output,
                  String verificationQuote, List<Finding> findings) {

    StepResult {
        artefacts = List.copyOf(artefacts);
        output = List.copyOf(output);
        findings = List.copyOf(findings);
    }

    /** Accumulates a step's output while it runs; the step ends with {@link #completed()} or {@link #failed}. */
    static final class Builder {
        private final List<Path> artefacts = new ArrayList<>();
        private final List<String> output = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final ProgressLog log;
        private final String unitId;
        private boolean changed;
        private String quote;

        Builder(String unitId, ProgressLog log) {
            this.unitId = unitId;
            this.log = log;
        }

        Builder line(String text) {
            output.add(text);
            log.unit(unitId, text);
            return this;
        }

        /** Output kept as evidence (a child process's lines) without echoing it on stderr. */
        Builder quiet(String text) {
            output.add(text);
            return this;
        }

        Builder artefact(Path path) {
            if (!artefacts.contains(path)) {
                artefacts.add(path);
            }
            return this;
        }

        Builder changed() {
            changed = true;
            return this;
        }

        Builder quote(String verbatim) {
            quote = verbatim;
            return this;
        }

        Builder finding(Finding finding) {
            findings.add(finding);
            return this;
        }

        boolean hasFindings() {
            return !findings.isEmpty();
        }

        StepResult completed() {
            return new StepResult(findings.isEmpty(), changed, artefacts, output, quote, findings);
        }

        StepResult failed(Finding finding) {
            findings.add(finding);
            return new StepResult(false, changed, artefacts, output, quote, findings);
        }
    }
}
