package com.verivus.gateway.log;

import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh JVM for {@link LibraryLoggingTest}: routes library logging as the gateway does (unless the first
 * argument is {@code discover}: then SLF4J finds its provider through {@code META-INF/services}), logs through
 * SLF4J and java.util.logging at every level, and prints {@code done} on stdout.
 */
public final class LibraryLoggingMain {

    private LibraryLoggingMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("discover")) {
            LibraryLogging.routeToGatewayLog();
        }
        org.slf4j.Logger slf4j = LoggerFactory.getLogger("lib.slf4j");
        slf4j.error("slf4j error", new IllegalStateException("bad state"));
        slf4j.warn("slf4j warn {} of {}", 1, 2);
        slf4j.info("slf4j info");
        slf4j.debug("slf4j debug");
        slf4j.trace("slf4j trace");
        Logger jul = Logger.getLogger("lib.jul");
        jul.severe("jul severe");
        jul.warning("jul warning");
        jul.log(java.util.logging.Level.WARNING, "jul {0} with {1}", new Object[] {"params", 2});
        jul.info("jul info");
        jul.fine("jul fine");
        jul.finest("jul finest");
        Logger.getLogger("io.helidon.webserver").info("helidon info");
        System.out.println("done");
    }
}
