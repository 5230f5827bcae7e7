package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.job.JobFixtures;
import java.util.HashMap;
import java.util.Map;

/** {@link ProcessLauncherTest}'s behaviours with LLM_GATEWAY_SPAWN=jdk (the JDK's ProcessBuilder, the fallback). */
class ProcessLauncherJdkSpawnTest extends ProcessLauncherTest {

    @Override
    ProcessLauncher launcher(JobFixtures fx) {
        Map<String, String> variables = new HashMap<>(fx.env.variables());
        variables.put("LLM_GATEWAY_SPAWN", "jdk");
        ProcessLauncher l = new ProcessLauncher(new GatewayEnvironment(variables, fx.env.home(), fx.env.workingDirectory()));
        assertThat(l.spawnMethod()).isEqualTo(SpawnMethod.JDK);
        return l;
    }
}
