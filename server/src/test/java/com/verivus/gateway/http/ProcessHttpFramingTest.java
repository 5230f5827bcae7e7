package com.verivus.gateway.http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The framing suite against a real {@code gateway --transport=http} process. */
class ProcessHttpFramingTest extends AbstractHttpFramingSuite {

    @TempDir
    static Path temp;

    GatewayProcess gateway;

    @Override
    URI startGateway() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        gateway = GatewayProcess.start(temp, home, GatewayProcess.env("LLM_GATEWAY_HTTP_PORT", "0",
                "LLM_GATEWAY_AUTH_TOKEN", TOKEN, "LLM_GATEWAY_HTTP_MAX_BODY_BYTES", String.valueOf(LIMIT)));
        return gateway.awaitUrl();
    }

    @Override
    void stopGateway() {
        gateway.close();
    }
}
