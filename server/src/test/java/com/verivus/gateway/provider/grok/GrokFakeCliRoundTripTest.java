package com.verivus.gateway.provider.grok;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.AbstractFakeCliRoundTripTest;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.testing.FakeClis;
import java.util.List;

class GrokFakeCliRoundTripTest extends AbstractFakeCliRoundTripTest {

    @Override
    protected PreparedRun prepare(PrepareContext ctx) {
        return GrokAdapter.prepare(GrokRequest.builder("Plan it").alwaysApprove(true).allowedTools(List.of("read", "grep"))
                .outputFormat(GrokRequest.OutputFormat.STREAMING_JSON).continueLatest(true).build(), ctx);
    }

    @Override
    protected void assertParsedAnswer(FakeClis.Result result, PreparedRun run) {
        assertThat(result.stdout()).contains("fake grok answer: Plan it");
        assertThat(run.invocation().args()).contains("--tools", "read,grep", "--continue");
    }
}
