package com.verivus.gateway.log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * java.util.logging's configuration class ({@link LibraryLogging} names it in
 * {@code java.util.logging.config.class}): JUL's records (Helidon's) go to {@link GatewayLog}, WARNING and above
 * unless {@code DEBUG} is set. Being JUL's own configuration, the routing is in place before any record is
 * published, whichever thread first logs.
 */
public final class JulRouting {

    /** Called by {@link LogManager} while it initialises. */
    public JulRouting() throws IOException {
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(configuration().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** JUL properties: our handler on the root logger, Helidon's start-up INFO lines kept out unless debugging. */
    private static String configuration() {
        String level = GatewayLog.debugEnabled() ? Level.FINE.getName() : Level.WARNING.getName();
        return "handlers=" + StderrHandler.class.getName() + "\n"
                + ".level=" + level + "\n"
                + "io.helidon.level=" + level + "\n";
    }

    /** JUL's handler for {@link GatewayLog}; JUL instantiates it (by name) when the root logger first publishes. */
    public static final class StderrHandler extends Handler {

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String text = record.getLoggerName() + ": " + formatMessage(record);
            if (record.getThrown() != null) {
                text += " (" + record.getThrown() + ")";
            }
            int value = record.getLevel().intValue();
            if (value >= Level.SEVERE.intValue()) {
                GatewayLog.error(text);
            } else if (value >= Level.WARNING.intValue()) {
                GatewayLog.warn(text);
            } else if (value >= Level.INFO.intValue()) {
                GatewayLog.info(text);
            } else {
                GatewayLog.debug(text);
            }
        }

        private static String formatMessage(LogRecord record) {
            String msg = record.getMessage();
            Object[] params = record.getParameters();
            if (msg == null) {
                return "";
            }
            if (params == null || params.length == 0) {
                return msg;
            }
            try {
                return java.text.MessageFormat.format(msg, params);
            } catch (IllegalArgumentException e) {
                return msg;
            }
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
        }
    }
}
