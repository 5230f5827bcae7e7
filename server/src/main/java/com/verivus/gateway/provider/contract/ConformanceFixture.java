package com.verivus.gateway.provider.contract;

import java.util.List;
import java.util.Map;

/** A sample argv (and env) with the verdict the contract must give it; run by the tests and listed in the report. */
public record ConformanceFixture(String id, String description, List<String> args, Map<String, String> env,
                                 boolean expectPass) {

    public ConformanceFixture {
        args = List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static ConformanceFixture pass(String id, String description, String... args) {
        return new ConformanceFixture(id, description, List.of(args), Map.of(), true);
    }

    public static ConformanceFixture fail(String id, String description, String... args) {
        return new ConformanceFixture(id, description, List.of(args), Map.of(), false);
    }

    public String expect() {
        return expectPass ? "pass" : "fail";
    }
}
