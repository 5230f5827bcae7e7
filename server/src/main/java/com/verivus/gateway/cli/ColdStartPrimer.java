package com.verivus.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.invoke.MethodHandles;
import java.util.Calendar;
import java.util.UUID;

/**
 * Initialises, on a second thread while the main thread opens the stores, the classes the first answers need
 * whose static set-up is costly in a fresh JVM: Jackson's ObjectMapper (its default date format loads the
 * locale's calendar data) and the SecureRandom behind the MCP session id. (BigDecimal, which Jackson's parser
 * initialises, is not needed before the first answers: their messages are read by {@code PlainJsonReader}.)
 * Class initialisation runs once and other threads wait for it, so this only moves work onto the other core;
 * nothing else changes.
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
            UUID.randomUUID();
        } catch (IllegalAccessException | LinkageError e) {
            // the classes are then initialised where they are first used, as without this
        }
    }
}
