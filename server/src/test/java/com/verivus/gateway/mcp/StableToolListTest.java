package com.verivus.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.GatewayRuntime;
import com.verivus.gateway.config.GatewayEnvironment;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tools/list} reply is the same text at every start. Clients keep tool definitions in a cached
 * prompt prefix; a schema whose keys came out in another order at the next start would look like a
 * different tool. A map of two or more keys in a tool's schemas must therefore keep its order (be a
 * {@link SequencedMap}): a {@code Map.of} with several entries iterates in an order that changes from one
 * JVM to the next.
 */
class StableToolListTest {

    @TempDir
    Path home;

    @Test
    void every_map_in_the_tool_schemas_has_a_fixed_iteration_order() {
        try (GatewayRuntime runtime = GatewayRuntime.start(new GatewayEnvironment(Map.of(), home, home))) {
            List<String> unordered = new ArrayList<>();
            for (SyncToolSpecification spec : runtime.catalog().toolSpecifications()) {
                Tool tool = spec.tool();
                collect(tool.name() + ".inputSchema", tool.inputSchema(), unordered);
                collect(tool.name() + ".outputSchema", tool.outputSchema(), unordered);
                collect(tool.name() + "._meta", tool.meta(), unordered);
            }
            assertThat(unordered).as("maps whose key order differs between JVMs").isEmpty();
        }
    }

    private static void collect(String path, Object value, List<String> unordered) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() > 1 && !(map instanceof SequencedMap<?, ?>)) {
                unordered.add(path + " (" + map.getClass().getName() + ", keys " + map.keySet() + ")");
            }
            map.forEach((k, v) -> collect(path + "." + k, v, unordered));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "[" + i + "]", list.get(i), unordered);
            }
        }
    }

}
