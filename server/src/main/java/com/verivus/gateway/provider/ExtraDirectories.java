package com.verivus.gateway.provider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extra directories a CLI may read besides its working directory (the request tools' {@code addDir}),
 * as each CLI's own flag, checked against its {@code --help}: Claude {@code --add-dir <dirs...>},
 * Codex {@code exec --add-dir <DIR>} (new conversations only: {@code exec resume} and {@code exec fork}
 * have no such flag), Gemini {@code --include-directories <dir>}. Grok and Mistral Vibe document none.
 * The flags go where the CLI's parser cannot mistake a directory for the prompt: Claude and Gemini
 * take the prompt through {@code -p}, so the flags are appended; Codex takes it as the last
 * positional, so they follow {@code exec} directly.
 */
public final class ExtraDirectories {

    private ExtraDirectories() {
    }

    /** Whether the CLI has a flag for extra directories at all. */
    public static boolean supported(CliName cli) {
        return cli == CliName.CLAUDE || cli == CliName.CODEX || cli == CliName.GEMINI;
    }

    /**
     * The invocation with the directories' flags added; unchanged when {@code dirs} is empty.
     *
     * @param dirs absolute, already checked directories
     * @throws ProviderRequestException when the CLI (or the Codex sub-command) has no such flag
     */
    public static CliInvocation add(CliInvocation inv, List<Path> dirs) {
        if (dirs == null || dirs.isEmpty()) {
            return inv;
        }
        List<String> args = new ArrayList<>(inv.args());
        switch (inv.cli()) {
            case CLAUDE -> {
                args.add("--add-dir");
                dirs.forEach(d -> args.add(d.toString()));
            }
            case GEMINI -> dirs.forEach(d -> {
                args.add("--include-directories");
                args.add(d.toString());
            });
            case CODEX -> {
                if (args.size() > 1 && (args.get(1).equals("resume") || args.get(1).equals("fork"))) {
                    throw new ProviderRequestException("addDir works only for a new Codex conversation: codex exec "
                            + args.get(1) + " has no --add-dir (the resumed conversation keeps its original workspace)");
                }
                List<String> flags = new ArrayList<>();
                dirs.forEach(d -> {
                    flags.add("--add-dir");
                    flags.add(d.toString());
                });
                args.addAll(1, flags);
            }
            default -> throw new ProviderRequestException("addDir is not supported by " + inv.cli().key()
                    + ": its CLI has no flag for extra directories");
        }
        return new CliInvocation(inv.cli(), args, inv.env(), inv.outputFormat(), inv.idleTimeoutMs(), inv.tempFiles(),
                inv.continuesConversation(), inv.workingDir());
    }
}
