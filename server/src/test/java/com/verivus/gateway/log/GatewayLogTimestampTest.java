package com.verivus.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The log line's timestamp is written by hand; it must read exactly as {@link Instant#toString()}. */
class GatewayLogTimestampTest {

    @Property(tries = 5000)
    void readsAsInstantToString(@ForAll("instants") Instant at) {
        StringBuilder line = new StringBuilder();
        GatewayLog.appendTimestamp(line, at);
        assertThat(line.toString()).isEqualTo(at.toString());
    }

    @Example
    void everyFractionLength() {
        for (String text : new String[] {"2026-12-04T22:43:42Z", "2026-12-04T22:43:42.100Z",
                "2026-12-04T22:43:42.000100Z", "2026-12-04T22:43:42.000000001Z", "0999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z"}) {
            Instant at = Instant.parse(text);
            StringBuilder line = new StringBuilder();
            GatewayLog.appendTimestamp(line, at);
            assertThat(line.toString()).isEqualTo(at.toString()).isEqualTo(text);
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_000_000_000L, 260_000_000_000L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000), Arbitraries.just(0));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }
}
