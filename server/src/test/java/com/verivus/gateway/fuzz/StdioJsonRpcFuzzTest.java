package com.verivus.gateway.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The fuzz suite over stdio: one gateway process, one session, every input a line on its stdin. */
class StdioJsonRpcFuzzTest extends AbstractJsonRpcFuzzProperties {

    private static Path dir;
    private static StdioFuzzTarget target;
    private static final FuzzLedger LEDGER = new FuzzLedger("stdio");

    @BeforeContainer
    static void startGateway() throws IOException {
        dir = Files.createTempDirectory("fuzz-stdio");
        target = new StdioFuzzTarget(launch(dir));
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
