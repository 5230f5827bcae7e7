package com.verivus.gateway.provider.contract;

import static com.verivus.gateway.provider.contract.ConformanceFixture.fail;
import static com.verivus.gateway.provider.contract.ConformanceFixture.pass;
import static com.verivus.gateway.provider.contract.FlagSpec.choice;
import static com.verivus.gateway.provider.contract.FlagSpec.toggle;
import static com.verivus.gateway.provider.contract.FlagSpec.value;

import com.verivus.gateway.provider.CliName;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Mistral Vibe ({@code vibe -p}); the model goes through VIBE_ACTIVE_MODEL. Not on npm. */
final class MistralContract {

    static final String MODEL_ENV = "VIBE_ACTIVE_MODEL";

    private MistralContract() {
    }

    static CliContract contract() {
        return new CliContract(CliName.MISTRAL, "vibe (Mistral Vibe CLI; not on npm)", null, "vibe",
                List.of(List.of("--help")),
                List.of("mistral_request", "mistral_request_async"),
                List.of("prompt", "model", "outputFormat", "permissionMode", "approvalStrategy", "effort",
                        "reasoningEffort", "allowedTools", "sessionId", "resumeLatest", "createNewSession"),
                List.of(
                        value("-p", "Programmatic mode; the prompt follows"),
                        choice("--output-format", "Output format", List.of("plain", "json", "stream-json")),
                        choice("--agent", "Agent profile (permission mode)", List.of("default", "plan",
                                "accept-edits", "auto-approve", "chat", "explore", "lean")),
                        value("--effort", "Effort level"),
                        value("--reasoning-effort", "Reasoning effort"),
                        value("--enabled-tools", "A tool to enable"),
                        value("--resume", "Resume a session by id"),
                        toggle("--continue", "Continue the most recent session")),
                List.of(new EnvSpec(MODEL_ENV, Pattern.compile("^[^\\s\\u0000-\\u001f\\u007f]+$"),
                        "The model vibe uses (vibe has no --model flag)")),
                0, 0, List.of(),
                List.of(
                        new ConformanceFixture("mistral-default", "default agent with model env",
                                List.of("-p", "hello", "--agent", "auto-approve"),
                                Map.of(MODEL_ENV, "devstral-medium"), true),
                        new ConformanceFixture("mistral-bad-env", "only VIBE_ACTIVE_MODEL may be set",
                                List.of("-p", "hello", "--agent", "auto-approve"), Map.of("OTHER", "x"), false),
                        new ConformanceFixture("mistral-bad-model", "model names have no whitespace",
                                List.of("-p", "hello", "--agent", "auto-approve"), Map.of(MODEL_ENV, "a b"), false),
                        pass("mistral-continue", "continue the latest", "-p", "hello", "--agent", "plan", "--continue"),
                        fail("mistral-model-flag", "vibe has no --model", "-p", "x", "--model", "m")));
    }
}
