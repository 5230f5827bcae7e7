package com.verivus.gateway.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The fuzz suite over Streamable HTTP: one gateway process on loopback with a token, one MCP session. */
class HttpJsonRpcFuzzTest extends AbstractJsonRpcFuzzProperties {

    private static final String TOKEN = "fuzz-token-0123456789abcdef";
    private static Path dir;
    private static HttpFuzzTarget target;
    private static final FuzzLedger LEDGER = new FuzzLedger("http");

    @BeforeContainer
    static void startGateway() throws IOException {
        dir = Files.createTempDirectory("fuzz-http");
        target = new HttpFuzzTarget(launch(dir).args("--transport=http")
                .env("LLM_GATEWAY_HTTP_PORT", "0")
                .env("LLM_GATEWAY_AUTH_TOKEN", TOKEN), TOKEN);
    }

    @AfterContainer
    static void stopGateway() {
        if (target != null) {
            System.err.println(LEDGER.summary(target.restarts()));
            target.close();
        }
        deleteTree(dir);
    }

    @Override
    FuzzTarget target() {
        return target;
    }

    @Override
    FuzzLedger ledger() {
        return LEDGER;
    }
}
