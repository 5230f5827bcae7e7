package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * tools/call params the check passes without Jackson (only name, arguments and _meta, objects or null) are
 * params the SDK's mapper reads; everything else is still checked by converting it, as before.
 */
class ParamsCheckToolCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final McpJsonMapper mapper = McpServerFactory.jsonMapper();

    private Optional<String> problem(String params) throws Exception {
        return ParamsCheck.problem(McpSchema.METHOD_TOOLS_CALL, JSON.readTree(params), mapper);
    }

    private void readBySdk(String params) throws Exception {
        JsonNode tree = JSON.readTree(params);
        assertThatCode(() -> mapper.convertValue(tree, new TypeRef<McpSchema.CallToolRequest>() {
        })).as(params).doesNotThrowAnyException();
    }

    @Test
    void plainCallsPassAndTheSdkReadsThem() throws Exception {
        for (String params : new String[] {"{\"name\":\"t\"}", "{\"name\":\"t\",\"arguments\":{}}",
                "{\"name\":\"t\",\"arguments\":{\"prompt\":\"p\",\"n\":[1,{\"x\":null}],\"f\":1.5e300}}",
                "{\"name\":\"t\",\"arguments\":null,\"_meta\":null}",
                "{\"_meta\":{\"progressToken\":7},\"arguments\":{\"a\":true},\"name\":\"t\"}"}) {
            assertThat(problem(params)).as(params).isEmpty();
            readBySdk(params);
        }
    }

    @Test
    void wrongKindsAreStillNamed() throws Exception {
        assertThat(problem("{\"name\":\"t\",\"arguments\":[1]}")).get().asString().contains("arguments");
        assertThat(problem("{\"name\":\"t\",\"arguments\":\"x\"}")).get().asString().contains("arguments");
        assertThat(problem("{\"name\":\"t\",\"_meta\":5}")).get().asString().contains("_meta");
        assertThat(problem("{\"name\":5}")).get().asString().contains("params.name");
    }

    @Test
    void unknownFieldsGoThroughTheSdkMapperAsBefore() throws Exception {
        String params = "{\"name\":\"t\",\"task\":{\"ttl\":5},\"arguments\":{}}";
        Optional<String> viaCheck = problem(params);
        Optional<String> viaMapper;
        try {
            mapper.convertValue(JSON.readTree(params), new TypeRef<McpSchema.CallToolRequest>() {
            });
            viaMapper = Optional.empty();
        } catch (RuntimeException e) {
            viaMapper = Optional.of(e.getMessage());
        }
        assertThat(viaCheck.isPresent()).isEqualTo(viaMapper.isPresent());
    }
}
