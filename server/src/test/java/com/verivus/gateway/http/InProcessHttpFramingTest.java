package com.verivus.gateway.http;

import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import java.net.URI;

/** The framing suite against an in-process gateway (the same HttpGateway and transport the CLI starts). */
class InProcessHttpFramingTest extends AbstractHttpFramingSuite {

    InProcessHttpGatewayTest.Running running;

    @Override
    URI startGateway() {
        running = InProcessHttpGatewayTest.start(InProcessHttpGatewayTest.settings().withMaxBodyBytes(LIMIT),
                HelidonStreamableTransportProvider.DEFAULT_SESSION_IDLE_TIMEOUT);
        return running.url();
    }

    @Override
    void stopGateway() {
        running.close();
    }
}
