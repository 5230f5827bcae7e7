package com.verivus.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Installs a fake CLI kept as a test resource: copied to a bin directory and made executable by its owner. */
public final class ExecutableResource {

    private ExecutableResource() {
    }

    /** Copies classpath resource {@code resource} (e.g. "/job-fixtures/job-cli") to {@code target}, executable. */
    public static void install(String resource, Path target) throws IOException {
        try (InputStream in = ExecutableResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource.substring(1) + " is not on the test classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!target.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + target + " executable");
        }
    }
}
