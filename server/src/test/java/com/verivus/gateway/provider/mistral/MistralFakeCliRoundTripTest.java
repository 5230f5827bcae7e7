package com.verivus.gateway.provider.mistral;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.AbstractFakeCliRoundTripTest;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.testing.FakeClis;
import java.util.List;

class MistralFakeCliRoundTripTest extends AbstractFakeCliRoundTripTest {

    @Override
    protected PreparedRun prepare(PrepareContext ctx) {
        return MistralAdapter.prepare(MistralRequest.builder("Refactor").model("devstral-large")
                .outputFormat(MistralRequest.OutputFormat.STREAM_JSON).allowedTools(List.of("read_file", "grep"))
                .build(), ctx);
    }

    @Override
    protected void assertParsedAnswer(FakeClis.Result result, PreparedRun run) {
        assertThat(result.stdout()).contains("fake vibe answer: Refactor [model=devstral-large]");
    }
}
