package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** The shipped JSON Schema of the doctor report, loaded from the classpath as a user would. */
public final class DoctorReportSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private DoctorReportSchema() {
    }

    private static Schema load() {
        try (InputStream in = DoctorReportSchema.class.getResourceAsStream(DoctorReport.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource " + DoctorReport.SCHEMA_RESOURCE).isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<String> errors(JsonNode report) {
        return SCHEMA.validate(report).stream().map(Error::toString).toList();
    }

    /** Fails with every violation when the report does not match the schema; returns the report. */
    public static JsonNode assertValid(Object report) {
        JsonNode node = report instanceof JsonNode n ? n : JSON.valueToTree(report);
        assertThat(errors(node)).as("doctor report schema violations").isEmpty();
        return node;
    }
}
