package com.verivus.gateway.http;

import com.verivus.gateway.testing.GatewayProcess;
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
        gateway = GatewayProcess.builder(home).workingDirectory(temp).http().env("LLM_GATEWAY_AUTH_TOKEN", TOKEN)
                .env("LLM_GATEWAY_HTTP_MAX_BODY_BYTES", String.valueOf(LIMIT)).start();
        return gateway.awaitUrl();
    }

    @Override
    void stopGateway() {
        gateway.close();
    }
}
