package com.verivus.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.fuzz.FuzzInput.Expect;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real gateway process over stdio, one long-lived session for all inputs. After each input it sends
 * a ping and reads until both the ping's answer and (when one is due) the input's answer arrived, so a
 * tool call answered after the ping is still matched; a reply nobody expects shows up as a failure of
 * the input during which it arrived. A gateway that died is reported and replaced.
 */
final class StdioFuzzTarget implements FuzzTarget {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    private final GatewayProcess.Builder launch;
    private final AtomicLong sentinels = new AtomicLong();
    private GatewayProcess gateway;
    private int restarts;

    StdioFuzzTarget(GatewayProcess.Builder launch) {
        this.launch = launch;
        this.gateway = started();
    }

    private GatewayProcess started() {
        GatewayProcess gw = launch.start();
        gw.send(JsonRpc.initialize(0));
        String reply = gw.readLine(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError(
                "gateway ended before answering initialize; stderr:\n" + gw.stderr()));
        if (!reply.contains("\"result\"")) {
            throw new AssertionError("initialize failed: " + reply);
        }
        gw.send(JsonRpc.initialized());
        return gw;
    }

    int restarts() {
        return restarts;
    }

    String stderr() {
        return gateway.stderr();
    }

    @Override
    public Verdict exchange(FuzzInput input) {
        List<String> failures = new ArrayList<>();
        String sentinel = SENTINEL_PREFIX + sentinels.incrementAndGet();
        try {
            gateway.sendBytes(input.wire());
            gateway.send("{\"jsonrpc\":\"2.0\",\"id\":\"" + sentinel + "\",\"method\":\"ping\"}");
        } catch (RuntimeException e) {
            failures.add("could not write to the gateway: " + e.getMessage());
            return died(failures, 0);
        }
        String expectedId = input.expect() == Expect.REPLY_WITH_ID ? ReplyRules.idKey(input.id())
                : input.expect() == Expect.REPLY_WITH_NULL_ID ? "null" : null;
        int replies = 0;
        boolean pinged = false;
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (!pinged || expectedId != null && replies == 0) {
            long left = deadline - System.nanoTime();
            Optional<String> line;
            try {
                line = left <= 0 ? null : gateway.readLine(Duration.ofNanos(left));
            } catch (AssertionError timeout) {
                line = null;
            }
            if (line == null) {
                failures.add((pinged ? "no reply to the input" : "no reply to the ping after the input")
                        + " within " + REPLY_TIMEOUT.toSeconds() + " s");
                return new Verdict(replies, failures);
            }
            if (line.isEmpty()) {
                failures.add("stdout closed");
                return died(failures, replies);
            }
            ReplyRules.noJavaNames(line.get(), failures);
            JsonNode reply;
            try {
                reply = JsonRpcInputs.JSON.readTree(line.get());
            } catch (Exception e) {
                failures.add("stdout line is not JSON: " + ReplyRules.abbreviate(line.get()));
                continue;
            }
            if (reply.has("method")) {
                answerServerRequest(reply);
                continue;
            }
            ReplyRules.wellFormedResponse(reply, failures);
            String id = ReplyRules.idKey(reply.get("id"));
            if (id.equals("s:" + sentinel)) {
                pinged = true;
                if (!reply.has("result")) {
                    failures.add("ping after the input failed: " + ReplyRules.abbreviate(reply.toString()));
                }
            } else if (id.equals(expectedId)) {
                replies++;
                if (replies > 1) {
                    failures.add("a second reply to the input: " + ReplyRules.abbreviate(reply.toString()));
                }
            } else {
                failures.add("a reply nobody asked for (expected id " + expectedId + "): "
                        + ReplyRules.abbreviate(reply.toString()));
            }
        }
        return new Verdict(replies, failures);
    }

    /** The server may ask the client things (roots/list after roots/list_changed); this client declines. */
    private void answerServerRequest(JsonNode request) {
        if (request.has("id")) {
            gateway.send("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"error\":{\"code\":-32601,"
                    + "\"message\":\"not supported by the fuzz client\"}}");
        }
    }

    private Verdict died(List<String> failures, int replies) {
        if (!gateway.process().isAlive()) {
            int exit = gateway.awaitExit(Duration.ofSeconds(10));
            failures.add("the gateway exited with code " + exit + "; stderr tail: "
                    + tail(gateway.stderr(), 600));
        }
        gateway.close();
        restarts++;
        gateway = started();
        return new Verdict(replies, failures);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
