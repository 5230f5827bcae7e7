package com.verivus.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsPrettyTest {

    @Test
    void prettyPrintsLikeJsonStringifyWithTwoSpacesIncludingEmptyContainers() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", 0);
        body.put("sessions", List.of());
        body.put("meta", Map.of());
        body.put("nested", List.of(Map.of("a", List.of()), 1));
        assertThat(ToolResults.pretty(body)).isEqualTo("""
                {
                  "total": 0,
                  "sessions": [],
                  "meta": {},
                  "nested": [
                    {
                      "a": []
                    },
                    1
                  ]
                }""");
    }
}
