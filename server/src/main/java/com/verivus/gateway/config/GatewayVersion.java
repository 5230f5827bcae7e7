package com.verivus.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, read from the resource that the build keeps equal to the pom version. */
public final class GatewayVersion {

    public static final String NAME = "llm-cli-gateway";
    private static final String RESOURCE = "/llm-cli-gateway/version.properties";
    private static final String VERSION = load();

    private GatewayVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GatewayVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
