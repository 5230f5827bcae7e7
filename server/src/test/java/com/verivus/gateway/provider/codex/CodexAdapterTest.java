package com.verivus.gateway.provider.codex;

import static com.verivus.gateway.provider.AdapterFixture.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.provider.AdapterTestBase;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SharedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodexAdapterTest extends AdapterTestBase {

    PreparedRun prepare(UnaryOperator<CodexRequest.Builder> b) {
        return prepare(b, Optional.empty());
    }

    PreparedRun prepare(UnaryOperator<CodexRequest.Builder> b, Optional<String> active) {
        return CodexAdapter.prepare(b.apply(CodexRequest.builder("P")).build(), active, fx.context());
    }

    static List<String> exec(String... middle) {
        List<String> l = new ArrayList<>(List.of("exec"));
        l.addAll(List.of(middle));
        return l;
    }

    static Stream<Arguments> newSessionFlags() {
        return Stream.of(
                Arguments.of("nothing", (UnaryOperator<CodexRequest.Builder>) b -> b,
                        exec("--skip-git-repo-check", "P")),
                Arguments.of("model", (UnaryOperator<CodexRequest.Builder>) b -> b.model("gpt-5.4"),
                        exec("--model", "gpt-5.4", "--skip-git-repo-check", "P")),
                Arguments.of("fullAuto", (UnaryOperator<CodexRequest.Builder>) b -> b.fullAuto(true),
                        exec("--sandbox", "workspace-write", "-c", "approval_policy=\"never\"", "--skip-git-repo-check", "P")),
                Arguments.of("legacy full auto", (UnaryOperator<CodexRequest.Builder>) b ->
                        b.fullAuto(true).useLegacyFullAutoFlag(true),
                        exec("--sandbox", "workspace-write", "-c", "approval_policy=\"on-request\"",
                                "--skip-git-repo-check", "P")),
                Arguments.of("legacy flag alone does nothing", (UnaryOperator<CodexRequest.Builder>) b ->
                        b.useLegacyFullAutoFlag(true), exec("--skip-git-repo-check", "P")),
                Arguments.of("sandboxMode", (UnaryOperator<CodexRequest.Builder>) b ->
                        b.sandboxMode(CodexSandboxMode.READ_ONLY), exec("--sandbox", "read-only", "--skip-git-repo-check", "P")),
                Arguments.of("askForApproval", (UnaryOperator<CodexRequest.Builder>) b ->
                        b.askForApproval(CodexApprovalPolicy.ON_REQUEST),
                        exec("-c", "approval_policy=\"on-request\"", "--skip-git-repo-check", "P")),
                Arguments.of("explicit beats fullAuto", (UnaryOperator<CodexRequest.Builder>) b ->
                        b.fullAuto(true).sandboxMode(CodexSandboxMode.DANGER_FULL_ACCESS),
                        exec("--sandbox", "danger-full-access", "--skip-git-repo-check", "P")),
                Arguments.of("bypass", (UnaryOperator<CodexRequest.Builder>) b -> b.dangerouslyBypassApprovalsAndSandbox(true),
                        exec("--dangerously-bypass-approvals-and-sandbox", "--skip-git-repo-check", "P")),
                Arguments.of("json", (UnaryOperator<CodexRequest.Builder>) b -> b.outputFormat(CodexOutputFormat.JSON),
                        exec("--json", "--skip-git-repo-check", "P")),
                Arguments.of("outputSchema path", (UnaryOperator<CodexRequest.Builder>) b -> b.outputSchema("/s.json"),
                        exec("--skip-git-repo-check", "--output-schema", "/s.json", "P")),
                Arguments.of("search", (UnaryOperator<CodexRequest.Builder>) b -> b.search(true),
                        exec("--skip-git-repo-check", "-c", "web_search=\"live\"", "P")),
                Arguments.of("profile", (UnaryOperator<CodexRequest.Builder>) b -> b.profile("fast"),
                        exec("--skip-git-repo-check", "--profile", "fast", "P")),
                Arguments.of("ephemeral", (UnaryOperator<CodexRequest.Builder>) b -> b.ephemeral(true),
                        exec("--skip-git-repo-check", "--ephemeral", "P")),
                Arguments.of("ignoreUserConfig", (UnaryOperator<CodexRequest.Builder>) b -> b.ignoreUserConfig(true),
                        exec("--skip-git-repo-check", "--ignore-user-config", "P")),
                Arguments.of("ignoreRules", (UnaryOperator<CodexRequest.Builder>) b -> b.ignoreRules(true),
                        exec("--skip-git-repo-check", "--ignore-rules", "P")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newSessionFlags")
    void newSessionArgvInSpecOrder(String name, UnaryOperator<CodexRequest.Builder> b, List<String> expected) {
        assertThat(prepare(b).invocation().args()).containsExactlyElementsOf(expected);
    }

    @Test
    void everyNewSessionFlagAtOnce() {
        Path img = fx.file("a.png", "x");
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("model_reasoning_effort", "\"high\"");
        overrides.put("a.b_c", "1");
        List<String> args = prepare(b -> b.model("m").sandboxMode(CodexSandboxMode.WORKSPACE_WRITE)
                .askForApproval(CodexApprovalPolicy.NEVER).dangerouslyBypassApprovalsAndSandbox(true)
                .outputFormat(CodexOutputFormat.JSON).outputSchema("/s.json").search(true).profile("p")
                .configOverrides(overrides).ephemeral(true).images(List.of(img.toString(), "a.png"))
                .ignoreUserConfig(true).ignoreRules(true)).invocation().args();
        assertThat(args).containsExactly("exec", "--model", "m", "--sandbox", "workspace-write", "-c",
                "approval_policy=\"never\"", "--dangerously-bypass-approvals-and-sandbox", "--json",
                "--skip-git-repo-check", "--output-schema", "/s.json", "-c", "web_search=\"live\"", "--profile", "p",
                "-c", "model_reasoning_effort=\"high\"", "-c", "a.b_c=1", "--ephemeral", "-i", img.toString(), "-i",
                "a.png", "--ignore-user-config", "--ignore-rules", "P");
    }

    @Test
    void imagesLastEndTheOptionsSoThePromptIsNotTakenForAnImage() {
        Path img = fx.file("a.png", "x");
        assertThat(prepare(b -> b.images(List.of(img.toString()))).invocation().args())
                .containsExactly("exec", "--skip-git-repo-check", "-i", img.toString(), "--", "P");
    }

    @Test
    void promptThatLooksLikeAFlagFollowsADoubleDash() {
        PreparedRun run = CodexAdapter.prepare(CodexRequest.builder("-v means verbose?").build(), Optional.empty(),
                fx.context());
        assertThat(run.invocation().args()).containsExactly("exec", "--skip-git-repo-check", "--", "-v means verbose?");
    }

    @Test
    void freshRunCreatesABookkeepingSessionAndRecordsTheThreadOnIt() {
        PreparedRun run = prepare(b -> b);
        assertThat(run.session().mode()).isEqualTo(SessionMode.FRESH);
        assertThat(run.session().effectiveSessionId()).isEqualTo(UUID_1);
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.CreateSession(CliName.CODEX, UUID_1, "Codex Session"),
                new SessionAction.RecordUpstreamSessionId(CliName.CODEX, UUID_1, "codexThreadId"));
        assertThat(run.session().storeActions()).hasSize(1);
        assertThat(run.session().afterRunActions()).hasSize(1);
        assertThat(run.session().resumable()).isNull();
        assertThat(run.invocation().continuesConversation()).isFalse();
    }

    @Test
    void freshRunWithAnActiveSessionReportsItWithoutCreatingOne() {
        PreparedRun run = prepare(b -> b, Optional.of("act"));
        assertThat(run.invocation().args()).containsExactly("exec", "--skip-git-repo-check", "P");
        assertThat(run.session().effectiveSessionId()).isEqualTo("act");
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.RecordUpstreamSessionId(CliName.CODEX, "act", "codexThreadId"));
    }

    @Test
    void createNewSessionMakesANewOneEvenWithAnActiveSession() {
        PreparedRun run = prepare(b -> b.createNewSession(true).sessionId("ignored"), Optional.of("act"));
        assertThat(run.invocation().args()).containsExactly("exec", "--skip-git-repo-check", "P");
        assertThat(run.session().mode()).isEqualTo(SessionMode.FRESH);
    }

    @Test
    void resumeByIdUsesTheRecordedThreadIdAndDropsWhatResumeCannotTake() {
        fx.thread("session", "thread-123").file("a.png", "x");
        PreparedRun run = prepare(b -> b.sessionId("session").model("m").fullAuto(true)
                .sandboxMode(CodexSandboxMode.READ_ONLY).outputSchema(Map.of("type", "object")).search(true)
                .profile("p").configOverrides(Map.of("k", "v")).ephemeral(true).images(List.of("a.png"))
                .ignoreUserConfig(true).ignoreRules(true).outputFormat(CodexOutputFormat.JSON));
        assertThat(run.invocation().args()).containsExactly("exec", "resume", "--model", "m", "--json",
                "--skip-git-repo-check", "--ephemeral", "-i", "a.png", "--ignore-user-config", "--ignore-rules",
                "thread-123", "P");
        assertThat(run.invocation().tempFiles()).isEmpty();
        assertThat(run.warnings()).anyMatch(w -> w.contains("--profile"));
        assertThat(run.session().mode()).isEqualTo(SessionMode.RESUME_BY_ID);
        assertThat(run.invocation().continuesConversation()).isTrue();
    }

    @Test
    void gatewaySessionIdMapsToItsCodexThread() {
        fx.thread("S", "0199a213-81c0-7800-8aa1-bbab2a035a53");
        PreparedRun run = prepare(b -> b.sessionId("S"));
        assertThat(run.invocation().args()).containsExactly("exec", "resume", "--skip-git-repo-check",
                "0199a213-81c0-7800-8aa1-bbab2a035a53", "P");
        assertThat(run.session().effectiveSessionId()).isEqualTo("S");
        assertThat(run.session().upstreamSessionId()).isEqualTo("0199a213-81c0-7800-8aa1-bbab2a035a53");
        assertThat(run.session().bookkeeping()).containsExactly(new SessionAction.TouchSession(CliName.CODEX, "S"),
                new SessionAction.RecordUpstreamSessionId(CliName.CODEX, "S", "codexThreadId"));
    }

    @Test
    void resumeLatestUsesLast() {
        PreparedRun run = prepare(b -> b.continueLatest(true).sandboxMode(CodexSandboxMode.READ_ONLY), Optional.of("act"));
        assertThat(run.invocation().args()).containsExactly("exec", "resume", "--last", "--skip-git-repo-check", "P");
        assertThat(run.session().mode()).isEqualTo(SessionMode.CONTINUE_LATEST);
        assertThat(run.session().effectiveSessionId()).isEqualTo("act");
        assertThat(run.invocation().continuesConversation()).isTrue();
    }

    @Test
    void gatewayGeneratedIdsCannotBeResumed() {
        assertThatThrownBy(() -> prepare(b -> b.sessionId("gw-123"))).isInstanceOf(ProviderRequestException.class)
                .hasMessage("Session ID \"gw-123\" uses reserved prefix \"gw-\". Gateway-generated session IDs cannot "
                        + "be used for --resume.");
    }

    @Test
    void untrustedApprovalIsRefusedClearly() {
        assertThatThrownBy(() -> prepare(b -> b.askForApproval(CodexApprovalPolicy.UNTRUSTED)))
                .hasMessageContaining("\"untrusted\" is no longer supported");
    }

    static Stream<Arguments> badOverrides() {
        return Stream.of(
                Arguments.of("bad key", "v", "Invalid configOverrides key \"bad key\": keys must match /^[a-zA-Z0-9._]+$/"),
                Arguments.of("k=v", "v", "Invalid configOverrides key \"k=v\": keys must match /^[a-zA-Z0-9._]+$/"),
                Arguments.of("ok", "line\nbreak", "Invalid configOverrides value for \"ok\": values must not contain "
                        + "carriage returns or newlines"),
                Arguments.of("ok", "cr\r", "Invalid configOverrides value for \"ok\": values must not contain "
                        + "carriage returns or newlines"));
    }

    @ParameterizedTest
    @MethodSource("badOverrides")
    void configOverridesAreGuarded(String key, String value, String message) {
        assertThatThrownBy(() -> prepare(b -> b.configOverrides(Map.of(key, value)))).hasMessage(message);
    }

    @Test
    void missingImageFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> prepare(b -> b.outputSchema(Map.of("type", "object"))
                .images(List.of("/nope/missing.png"))))
                .hasMessage("images: path does not exist: /nope/missing.png");
        assertThat(fx.temp.toFile().list()).isEmpty();
    }

    @Test
    void optionLikeProfileAndImagesAreRefused() {
        assertThatThrownBy(() -> prepare(b -> b.profile("--yolo"))).hasMessageStartingWith("Invalid profile value \"--yolo\"");
        assertThatThrownBy(() -> prepare(b -> b.images(List.of("-x")))).hasMessageStartingWith("Invalid images value");
    }

    @Test
    void objectOutputSchemaGoesToAPrivateTempFileOwnedByTheRun() throws Exception {
        PreparedRun run = prepare(b -> b.outputSchema(Map.of("type", "object", "required", List.of("a"))));
        assertThat(run.invocation().tempFiles()).hasSize(1);
        Path schema = run.invocation().tempFiles().get(0);
        assertThat(schema.getParent()).isEqualTo(fx.temp);
        assertThat(schema.getFileName().toString()).startsWith("codex-schema-").endsWith(".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(schema))).isEqualTo("rw-------");
        assertThat(new ObjectMapper().readTree(schema.toFile()).path("required").get(0).asText()).isEqualTo("a");
        List<String> args = run.invocation().args();
        assertThat(args.get(args.indexOf("--output-schema") + 1)).isEqualTo(schema.toString());
    }

    @Test
    void idleTimeoutDefaultsToTenMinutes() {
        assertThat(prepare(b -> b).invocation().idleTimeoutMs()).isEqualTo(600_000L);
        assertThat(prepare(b -> b.idleTimeoutMs(30_000L)).invocation().idleTimeoutMs()).isEqualTo(30_000L);
        assertThat(prepare(b -> b.outputFormat(CodexOutputFormat.JSON)).invocation().outputFormat()).isEqualTo("json");
    }

    // codex_fork_session

    PreparedRun fork(String sessionId, boolean last, CodexSandboxMode s, CodexApprovalPolicy a, Optional<String> active) {
        return CodexAdapter.prepareFork(new CodexForkRequest(SharedRequest.of("P"), sessionId, last, s, a), active,
                fx.context());
    }

    @Test
    void forkRunsExecForkAndPassesTheContract() {
        PreparedRun run = fork("abc", false, null, null, Optional.empty());
        assertThat(run.invocation().args()).containsExactly("exec", "fork", "--skip-git-repo-check", "abc", "P");
        assertThat(run.invocation().continuesConversation()).isTrue();
        assertThat(run.session().bookkeeping()).isEmpty();
    }

    @Test
    void forkTakesModelSandboxAndApprovalAsOverrides() {
        fx.thread("S", "T");
        PreparedRun run = CodexAdapter.prepareFork(new CodexForkRequest(SharedRequest.of("P").withModel("gpt-5.5"), "S",
                false, CodexSandboxMode.READ_ONLY, CodexApprovalPolicy.ON_REQUEST), Optional.empty(), fx.context());
        assertThat(run.invocation().args()).containsExactly("exec", "fork", "--model", "gpt-5.5", "-c",
                "sandbox_mode=\"read-only\"", "-c", "approval_policy=\"on-request\"", "--skip-git-repo-check", "T", "P");
    }

    @Test
    void forkLastForksTheActiveSessionsThread() {
        fx.thread("act", "T-act");
        assertThat(fork(null, true, null, null, Optional.of("act")).invocation().args())
                .containsExactly("exec", "fork", "--skip-git-repo-check", "T-act", "P");
        assertThatThrownBy(() -> fork(null, true, null, null, Optional.empty()))
                .hasMessageStartingWith("forkLast: no Codex thread is recorded for the active codex session");
    }

    @Test
    void forkNeedsExactlyOneOfSessionIdAndForkLast() {
        assertThatThrownBy(() -> fork("a", true, null, null, Optional.empty()))
                .hasMessage("sessionId and forkLast are mutually exclusive");
        assertThatThrownBy(() -> fork(null, false, null, null, Optional.empty()))
                .hasMessage("one of sessionId or forkLast is required");
        assertThatThrownBy(() -> fork("gw-1", false, null, null, Optional.empty()))
                .hasMessageStartingWith("Session ID \"gw-1\" uses reserved prefix");
    }
}
