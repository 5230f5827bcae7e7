package com.verivus.gateway.cli;

import com.verivus.gateway.clientconfig.ClientConfigSnippets;
import com.verivus.gateway.clientconfig.ClientConfigSnippets.HttpTarget;
import com.verivus.gateway.clientconfig.ClientConfigSnippets.Snippet;
import com.verivus.gateway.clientconfig.ClientKind;
import com.verivus.gateway.clientconfig.StdioLaunch;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.HttpBinding;
import com.verivus.gateway.lifecycle.AuthToken;
import com.verivus.gateway.lifecycle.GatewayFiles;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gateway print-client-config}: the snippet a client needs, on stdout in the client's own
 * format (JSON or TOML, ready to paste); where it goes, on stderr. Creates nothing.
 */
@Command(name = "print-client-config", mixinStandardHelpOptions = true,
        description = {"Prints the MCP configuration a client needs to use this gateway (stdout: the snippet in the "
                + "client's format; stderr: where it goes).",
                "stdio: the client starts <this repo>/jbang gateway@verivus. http: the URL of gateway start plus "
                        + "an Authorization: Bearer header with the token (LLM_GATEWAY_AUTH_TOKEN or "
                        + "~/.llm-cli-gateway/auth-token)."})
public final class PrintClientConfigCommand implements Callable<Integer> {

    static final String NO_TOKEN = "<token: run gateway start, or set LLM_GATEWAY_AUTH_TOKEN>";

    @Option(names = "--client", defaultValue = "json", paramLabel = "CLIENT",
            description = "claude-code, claude-desktop, codex, gemini-cli or json (default: ${DEFAULT-VALUE}).")
    String client;

    @Option(names = "--transport", paramLabel = "stdio|http",
            description = "stdio or http (default: $LLM_GATEWAY_TRANSPORT, $MCP_TRANSPORT, else stdio).")
    String transport;

    @Option(names = "--redact-token", description = "Print <redacted> instead of the bearer token.")
    boolean redactToken;

    @Spec
    CommandSpec spec;

    private final EnvironmentSource environment;

    public PrintClientConfigCommand() {
        this(EnvironmentSource.SYSTEM);
    }

    PrintClientConfigCommand(EnvironmentSource environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayEnvironment env = environment.get();
        Optional<ClientKind> kind = ClientKind.fromOption(client);
        if (kind.isEmpty()) {
            err.println("print-client-config: --client must be one of " + String.join(", ", ClientKind.options())
                    + " (got \"" + client + "\")");
            return 2;
        }
        String chosen = transport != null ? transport
                : env.nonBlank("LLM_GATEWAY_TRANSPORT").or(() -> env.nonBlank("MCP_TRANSPORT")).orElse("stdio");
        Snippet snippet;
        switch (chosen) {
            case "stdio" -> snippet = ClientConfigSnippets.stdio(kind.get(), StdioLaunch.detect(env));
            case "http" -> {
                HttpBinding binding;
                try {
                    binding = HttpBinding.from(env);
                } catch (IllegalArgumentException e) {
                    err.println("print-client-config: " + e.getMessage());
                    return 2;
                }
                String authorization = null;
                if (!"1".equals(env.get("LLM_GATEWAY_AUTH_DISABLED").orElse(null))) {
                    Optional<AuthToken> token = AuthToken.find(env, GatewayFiles.of(env));
                    if (token.isEmpty()) {
                        err.println("# No token yet: gateway start creates ~/.llm-cli-gateway/auth-token "
                                + "(or set LLM_GATEWAY_AUTH_TOKEN); then print this again.");
                    } else if (!redactToken) {
                        err.println("# This snippet contains the gateway's bearer token: keep it private.");
                    }
                    authorization = "Bearer " + (redactToken ? "<redacted>" : token.map(AuthToken::value).orElse(NO_TOKEN));
                }
                snippet = ClientConfigSnippets.http(kind.get(), new HttpTarget(binding.localUrl(), authorization));
            }
            default -> {
                err.println("print-client-config: --transport must be stdio or http (got \"" + chosen + "\")");
                return 2;
            }
        }
        snippet.notes().forEach(n -> err.println("# " + n));
        err.flush();
        out.print(snippet.text().endsWith("\n") ? snippet.text() : snippet.text() + "\n");
        out.flush();
        return 0;
    }
}
