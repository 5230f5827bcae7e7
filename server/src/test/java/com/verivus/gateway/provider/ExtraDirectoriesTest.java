package com.verivus.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.contract.UpstreamContracts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** addDir as each CLI's own flag, placed where the CLI's parser reads it, and accepted by its contract. */
class ExtraDirectoriesTest {

    private static final List<Path> DIRS = List.of(Path.of("/srv/a"), Path.of("/srv/b c"));

    private static CliInvocation inv(CliName cli, String... args) {
        return new CliInvocation(cli, List.of(args), Map.of(), null, null, List.of(), false, Path.of("/srv/w"));
    }

    @Test
    void claudeGetsOneVariadicAddDirAfterItsFlagsAndTheContractAcceptsIt() {
        CliInvocation out = ExtraDirectories.add(inv(CliName.CLAUDE, "-p", "hi", "--model", "m"), DIRS);
        assertThat(out.args()).containsExactly("-p", "hi", "--model", "m", "--add-dir", "/srv/a", "/srv/b c");
        assertThat(out.workingDir()).isEqualTo(Path.of("/srv/w"));
        UpstreamContracts.assertConforms(out);
    }

    @Test
    void codexGetsOneAddDirPerDirectoryRightAfterExecSoThePromptStaysTheLastPositional() {
        CliInvocation out = ExtraDirectories.add(inv(CliName.CODEX, "exec", "--skip-git-repo-check", "hi"), DIRS);
        assertThat(out.args()).containsExactly("exec", "--add-dir", "/srv/a", "--add-dir", "/srv/b c",
                "--skip-git-repo-check", "hi");
        UpstreamContracts.assertConforms(out);
    }

    @Test
    void geminiGetsIncludeDirectories() {
        CliInvocation out = ExtraDirectories.add(inv(CliName.GEMINI, "-p", "hi"), DIRS);
        assertThat(out.args()).containsExactly("-p", "hi", "--include-directories", "/srv/a",
                "--include-directories", "/srv/b c");
        UpstreamContracts.assertConforms(out);
    }

    @Test
    void codexResumeAndForkAndTheClisWithoutSuchAFlagRefuseWithAClearMessage() {
        assertThatThrownBy(() -> ExtraDirectories.add(inv(CliName.CODEX, "exec", "resume", "--last", "hi"), DIRS))
                .isInstanceOf(ProviderRequestException.class).hasMessageContaining("exec resume has no --add-dir");
        assertThatThrownBy(() -> ExtraDirectories.add(inv(CliName.GROK, "-p", "hi"), DIRS))
                .hasMessageContaining("addDir is not supported by grok");
        assertThat(ExtraDirectories.add(inv(CliName.MISTRAL, "-p", "hi"), List.of()).args()).containsExactly("-p", "hi");
    }
}
