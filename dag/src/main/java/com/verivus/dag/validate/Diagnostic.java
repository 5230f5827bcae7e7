package com.verivus.dag.validate;

/** One finding of the validator, worded like the agent-assurance reference validators. */
public record Diagnostic(Severity severity, String message) {
}
