package com.verivus.gateway.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A {@code postgresql://user:password@host:port/database?params} URL (the form libpq, the Node
 * gateway and DATABASE_URL use) turned into what the JDBC driver takes: a {@code jdbc:postgresql:}
 * URL without credentials, and the user and password apart, so the password never appears in a URL
 * that might be logged. {@link #redacted()} is the form shown in health output and errors.
 */
public record PostgresDsn(String host, int port, String database, String user, String password, String query) {

    public static final int DEFAULT_PORT = 5432;

    /**
     * @throws IllegalArgumentException with a message that names what is wrong and never echoes the password
     */
    public static PostgresDsn parse(String dsn) {
        if (dsn == null || dsn.isBlank()) {
            throw new IllegalArgumentException("the PostgreSQL DSN is empty (e.g. postgresql://user:pw@host/db)");
        }
        URI uri;
        try {
            uri = new URI(dsn.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the PostgreSQL DSN is not a URL (expected postgresql://user:pw@host/db)");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException("the PostgreSQL DSN must start with postgresql:// or postgres:// (got "
                    + (scheme == null ? "no scheme" : scheme + "://") + ")");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the PostgreSQL DSN names no host (expected postgresql://user:pw@host/db)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("the PostgreSQL DSN names no database (expected postgresql://user:pw@host/db)");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        return new PostgresDsn(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, user,
                password, uri.getRawQuery());
    }

    /** The URL for the JDBC driver: no credentials in it. */
    public String jdbcUrl() {
        String base = "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
        return query == null || query.isEmpty() ? base : base + "?" + query;
    }

    /** The DSN with the password replaced by {@code ***}: safe to log and to show in health output. */
    public String redacted() {
        StringBuilder s = new StringBuilder("postgresql://");
        if (user != null) {
            s.append(user);
            if (password != null) {
                s.append(":***");
            }
            s.append('@');
        }
        s.append(hostForUrl()).append(':').append(port).append('/').append(database);
        if (query != null && !query.isEmpty()) {
            s.append('?').append(query.replaceAll("(?i)(password=)[^&]*", "$1***"));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return redacted();
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
