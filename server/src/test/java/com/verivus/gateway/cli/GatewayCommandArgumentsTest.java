package com.verivus.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A launch with only a transport skips picocli; it must read the arguments as picocli reads them. */
class GatewayCommandArgumentsTest {

    @Test
    void onlyATransportIsReadWithoutPicocliAndAsPicocliReadsIt() {
        for (String[] args : new String[][] {{"--transport=http"}, {"--transport", "http"}, {"--transport=stdio"},
                {"--transport", "stdio"}, {"--transport=bogus"}, {"--transport="}}) {
            GatewayCommand parsed = new GatewayCommand();
            new CommandLine(parsed).parseArgs(args);
            assertThat(GatewayCommand.transportOnly(args)).as(String.join(" ", args)).contains(parsed.transport);
        }
    }

    @Test
    void anythingElseGoesToPicocli() {
        for (String[] args : new String[][] {{"doctor"}, {"--help"}, {"--transport"}, {"--transport", "--help"},
                {"--transport=http", "doctor"}, {"--transport", "http", "--version"}, {"-V"}}) {
            assertThat(GatewayCommand.transportOnly(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
