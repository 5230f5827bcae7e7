package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import org.junit.jupiter.api.Test;

class OutgoingErrorsTest {

    private static JSONRPCResponse error(int code, String message, Object data) {
        return JSONRPCResponse.error(1, new JSONRPCResponse.JSONRPCError(code, message, data));
    }

    @Test
    void anErrorNamingJavaTypesIsRewordedKeepingItsCodeAndId() {
        var out = (JSONRPCResponse) OutgoingErrors.forCaller(error(-32603,
                "Cannot deserialize value of type `java.lang.String` from Array value", "com.fasterxml.jackson..."));
        assertThat(out.id()).isEqualTo(1);
        assertThat(out.error().code()).isEqualTo(-32603);
        assertThat(out.error().message()).doesNotContain("java").startsWith("Internal error");
        assertThat(out.error().data()).isNull();
        var npe = (JSONRPCResponse) OutgoingErrors.forCaller(error(-32602, "x", "java.lang.NullPointerException"));
        assertThat(npe.error().message()).isEqualTo("Invalid params");
    }

    @Test
    void callerTermsPassUnchanged() {
        JSONRPCResponse plain = error(-32601, "Method not found: tools/frobnicate", null);
        assertThat(OutgoingErrors.forCaller(plain)).isSameAs(plain);
        JSONRPCResponse parse = error(-32700, "Parse error: Unexpected end-of-input (line 1, column 2)", null);
        assertThat(OutgoingErrors.forCaller(parse)).isSameAs(parse);
        McpSchema.JSONRPCResponse result = JSONRPCResponse.result(2, java.util.Map.of("ok", true));
        assertThat(OutgoingErrors.forCaller(result)).isSameAs(result);
    }
}
