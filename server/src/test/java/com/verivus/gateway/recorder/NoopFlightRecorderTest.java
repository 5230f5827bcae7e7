package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NoopFlightRecorderTest extends FlightRecorderContractTest {

    @Override
    FlightRecorder newRecorder(Path dir) {
        return new NoopFlightRecorder();
    }

    @Test
    void hasNoFileAndWritesNothing() throws Exception {
        recorder.logStart(new RequestStart("c", CliName.MISTRAL, "m", "p", null, null));
        assertThat(recorder.file()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
