package com.verivus.gateway.lifecycle;

import com.verivus.gateway.log.GatewayLog;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for SIGTERM or SIGINT. The JVM's default handling of those signals runs the shutdown hooks
 * and then exits with 143/130; the gateway instead stops in order and exits 0, which is what service
 * managers and the process tests expect of a clean stop. A second signal while stopping halts at once.
 * {@code sun.misc.Signal} is reached reflectively: it is supported (module jdk.unsupported) but
 * javac warns on every direct use of it.
 */
public final class TerminationSignals {

    private TerminationSignals() {
    }

    /** Installs the handlers and returns a latch that opens on the first signal; null when unsupported. */
    public static CountDownLatch install() {
        CountDownLatch latch = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        Runnable onSignal = () -> {
            if (received.incrementAndGet() > 1) {
                GatewayLog.warn("second termination signal: exiting without waiting");
                Runtime.getRuntime().halt(130);
            }
            latch.countDown();
        };
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            InvocationHandler dispatch = (proxy, method, args) -> switch (method.getName()) {
                case "handle" -> {
                    onSignal.run();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "TerminationSignals";
            };
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    dispatch);
            for (String name : new String[] {"TERM", "INT"}) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            }
            return latch;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            GatewayLog.debug("signal handlers unavailable (" + e + "); relying on the shutdown hook");
            return null;
        }
    }
}
