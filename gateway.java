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
//FILES llm-cli-gateway/skills/=server/src/main/resources/llm-cli-gateway/skills/**
//FILES console/=server/src/main/resources/console/**
//FILES application.yaml=server/src/main/resources/application.yaml
//FILES db/postgres/=server/src/main/resources/db/postgres/**
//FILES META-INF/services/org.slf4j.spi.SLF4JServiceProvider=server/src/main/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider
//JAVA_OPTIONS --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m
//JAVA_OPTIONS -Djdk.reflect.useNativeAccessorOnly=true -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining
//JAVA_OPTIONS -XX:-AOTAdapterCaching
//JAVA_OPTIONS -Djava.locale.providers=FALLBACK
//JAVA_OPTIONS -Xlog:disable -Xlog:all=warning,aot=off,cds=off:stderr

import com.verivus.gateway.cli.GatewayCommand;

/** JBang entry: the MCP gateway. All logic lives in server/ (built and tested by Maven). */
public class gateway {
    public static void main(String... args) {
        System.exit(GatewayCommand.run(args));
    }
}
