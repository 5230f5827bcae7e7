package com.verivus.dag.validate;

/** One family of checks. Rules never throw on malformed input: they report it and move on. */
interface DagRule {

    void check(RuleContext context, Diagnostics out);
}
