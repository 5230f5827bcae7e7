package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;

/** Validates one block of a report against its $defs entry in the shipped schema. */
final class DoctorReportSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix("https://verivus.com/llm-cli-gateway/",
                    "classpath:llm-cli-gateway/")));

    private DoctorReportSchemaCheck() {
    }

    static void exposure(Map<String, Object> block) {
        check("endpointExposure", block);
    }

    static void check(String def, Object block) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(
                "https://verivus.com/llm-cli-gateway/doctor-report.schema.json#/$defs/" + def));
        assertThat(schema.validate(JSON.valueToTree(block))).as(def + " schema violations").isEmpty();
    }
}
