///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25
//DEPS io.helidon:helidon-dependencies:4.5.0@pom
//DEPS io.helidon.webserver:helidon-webserver
//DEPS io.helidon.config:helidon-config-yaml
//DEPS io.helidon.logging:helidon-logging-jul
//DEPS io.modelcontextprotocol.sdk:mcp-core:2.1.0
//DEPS io.modelcontextprotocol.sdk:mcp-json-jackson2:2.1.0
//DEPS com.fasterxml.jackson.core:jackson-databind
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-toml:2.21.3
//DEPS org.xerial:sqlite-jdbc:3.54.1.0
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-api:2.0.17
//DEPS org.postgresql:postgresql:42.7.14
//DEPS com.zaxxer:HikariCP:7.1.0
//DEPS org.flywaydb:flyway-core:13.12.2
//DEPS org.flywaydb:flyway-database-postgresql:13.12.2
//DEPS redis.clients:jedis:8.0.2
//SOURCES server/src/main/java/**/*.java
//FILES llm-cli-gateway/version.properties=server/src/main/resources/llm-cli-gateway/version.properties
//FILES llm-cli-gateway/doctor-report.schema.json=server/src/main/resources/llm-cli-gateway/doctor-report.schema.json
//FILES META-INF/services/org.slf4j.spi.SLF4JServiceProvider=server/src/main/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider
//JAVA_OPTIONS --enable-native-access=ALL-UNNAMED

import com.verivus.gateway.cli.DoctorCommand;

/**
 * JBang entry: the doctor ({@code jbang doctor@verivus [--json] [--strict]}), the same command as
 * {@code jbang gateway@verivus doctor}. All logic lives in server/ (built and tested by Maven).
 */
public class doctor {
    public static void main(String... args) {
        System.exit(DoctorCommand.run(args));
    }
}
