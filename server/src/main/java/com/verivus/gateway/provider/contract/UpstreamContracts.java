package com.verivus.gateway.provider.contract;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.CliInvocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled upstream CLI contracts (§10.7): what each adapter may pass to its CLI. Every adapter checks
 * its argv and env here before returning an invocation, so nothing outside the contract is ever spawned.
 */
public final class UpstreamContracts {

    private static final Map<CliName, CliContract> CONTRACTS = new EnumMap<>(CliName.class);

    static {
        CONTRACTS.put(CliName.CLAUDE, ClaudeContract.contract());
        CONTRACTS.put(CliName.CODEX, CodexContract.contract());
        CONTRACTS.put(CliName.GEMINI, GeminiContract.contract());
        CONTRACTS.put(CliName.GROK, GrokContract.contract());
        CONTRACTS.put(CliName.MISTRAL, MistralContract.contract());
    }

    private UpstreamContracts() {
    }

    public static CliContract of(CliName cli) {
        return CONTRACTS.get(cli);
    }

    /** Every violation of the argv (empty when it conforms). */
    public static List<String> checkArgs(CliName cli, List<String> args) {
        return new ArgvChecker(of(cli)).check(args);
    }

    /** Every violation of the extra environment (empty when it conforms). */
    public static List<String> checkEnv(CliName cli, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        if (env == null) {
            return problems;
        }
        CliContract contract = of(cli);
        env.forEach((name, value) -> {
            Optional<EnvSpec> spec = contract.envVar(name);
            if (spec.isEmpty()) {
                problems.add("Unsupported " + cli.key() + " CLI environment variable \"" + name
                        + "\" for bundled upstream contract");
            } else if (value == null || !spec.get().pattern().matcher(value).matches()) {
                problems.add("Invalid value for " + cli.key() + " CLI environment variable \"" + name
                        + "\"; expected /" + spec.get().pattern().pattern() + "/");
            }
        });
        return problems;
    }

    /** Throws {@code Upstream <cli> CLI contract violation: <msgs joined "; ">} when the argv breaks the contract. */
    public static void assertArgs(CliName cli, List<String> args) {
        List<String> problems = checkArgs(cli, args);
        if (!problems.isEmpty()) {
            throw ContractViolationException.of(cli, "contract ", problems);
        }
    }

    /** Throws {@code Upstream <cli> CLI environment contract violation: ...} when the env breaks the contract. */
    public static void assertEnv(CliName cli, Map<String, String> env) {
        List<String> problems = checkEnv(cli, env);
        if (!problems.isEmpty()) {
            throw ContractViolationException.of(cli, "environment contract ", problems);
        }
    }

    /** Both checks, on what an adapter is about to return. */
    public static CliInvocation assertConforms(CliInvocation invocation) {
        assertArgs(invocation.cli(), invocation.args());
        assertEnv(invocation.cli(), invocation.env());
        return invocation;
    }
}
