package com.verivus.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a loopback port to a real server (PostgreSQL, Redis), which a test can take
 * down and bring back on the same port: {@link #stop} closes every connection and drops each new one
 * at once, as a server that went away; {@link #start} forwards again. The listener keeps its port until
 * {@link #close}, so while the proxy is down no other socket can take that port (a listener elsewhere,
 * or a client's own ephemeral port connecting to itself) and answer in its place. The shared server
 * itself is never touched.
 */
public final class TcpProxy implements AutoCloseable {

    private final String upstreamHost;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean forwarding;
    private int port;

    public TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        start();
    }

    public int port() {
        return port;
    }

    /** Forwards (again, on the same port). */
    public synchronized void start() throws IOException {
        forwarding = true;
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = s.getLocalPort();
        server = s;
        Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(() -> accept(s));
    }

    /** Closes every forwarded connection; from now on each new connection is closed as soon as it is accepted. */
    public synchronized void stop() {
        forwarding = false;
        closeForwarded();
    }

    /** Stops, and gives the port up. */
    @Override
    public synchronized void close() {
        stop();
        ServerSocket s = server;
        server = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private void closeForwarded() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return; // listener closed
            }
            synchronized (this) { // not while stop() runs: a connection accepted then is dropped, not forwarded
                if (!forwarding) {
                    closeQuietly(client); // down: the client sees its connection drop
                    continue;
                }
                try {
                    Socket upstream = new Socket(upstreamHost, upstreamPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    closeQuietly(client); // upstream refused: the client sees its connection drop
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("tcp-proxy-pump").start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
