package com.verivus.gateway.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger of {@link GatewaySlf4jProvider}: warnings and errors always, info and debug with {@code DEBUG}
 * set (as the libraries' java.util.logging records are, see {@link JulRouting}), trace never; each line is
 * {@code <logger>: <message>}, with {@code (<throwable>)} appended when there is one.
 */
final class GatewaySlf4jLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    GatewaySlf4jLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return GatewayLog.debugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return GatewayLog.debugEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        String message = messagePattern == null ? "" : MessageFormatter.basicArrayFormat(messagePattern, arguments);
        String text = name + ": " + message + (throwable != null ? " (" + throwable + ")" : "");
        switch (level) {
            case ERROR -> GatewayLog.error(text);
            case WARN -> GatewayLog.warn(text);
            case INFO -> GatewayLog.info(text);
            case DEBUG, TRACE -> GatewayLog.debug(text);
        }
    }
}
