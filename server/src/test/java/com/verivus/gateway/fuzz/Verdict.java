package com.verivus.gateway.fuzz;

import java.util.List;

/** What happened to one input: how many replies it got and every way the gateway misbehaved. */
record Verdict(int replies, List<String> failures) {

    boolean ok() {
        return failures.isEmpty();
    }
}
