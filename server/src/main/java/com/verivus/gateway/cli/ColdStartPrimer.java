package com.verivus.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.util.Calendar;
import java.util.UUID;

/**
 * Initialises, on a second thread while the main thread routes logging and opens the stores, the JDK classes
 * the first answers need whose static set-up is costly in a fresh JVM: Jackson's ObjectMapper (its default
 * date format loads the locale's calendar data), BigDecimal (Jackson's number parsing; its tables of powers of
 * ten) and the SecureRandom behind the MCP session id. Class initialisation runs once and other threads wait
 * for it, so this only moves ~20 ms of work onto the other core; nothing else changes.
 */
final class ColdStartPrimer {

    private ColdStartPrimer() {
    }

    static void startInBackground() {
        Thread.ofPlatform().name("cold-start-primer").daemon().start(ColdStartPrimer::prime);
    }

    private static void prime() {
        try {
            MethodHandles.lookup().ensureInitialized(ObjectMapper.class);
            Calendar.getInstance();
            BigDecimal.ONE.hashCode();
            UUID.randomUUID();
        } catch (IllegalAccessException | LinkageError e) {
            // the classes are then initialised where they are first used, as without this
        }
    }
}
