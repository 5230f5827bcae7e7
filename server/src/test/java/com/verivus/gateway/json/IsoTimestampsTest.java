package com.verivus.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link IsoTimestamps#format} is written by hand; it must read exactly as Date.toISOString's pattern. */
class IsoTimestampsTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Property(tries = 5000)
    void readsAsThePattern(@ForAll("instants") Instant at) {
        assertThat(IsoTimestamps.format(at)).isEqualTo(PATTERN.format(at));
    }

    @Example
    void threeFractionDigitsAlwaysAndTheEdgesOfTheYears() {
        assertThat(IsoTimestamps.format(Instant.parse("2026-12-05T04:05:06Z"))).isEqualTo("2026-12-05T04:05:06.000Z");
        assertThat(IsoTimestamps.format(Instant.parse("2026-12-05T04:05:06.007999Z")))
                .isEqualTo("2026-12-05T04:05:06.007Z");
        assertThat(IsoTimestamps.format(Instant.parse("2026-12-05T04:05:06.07Z")))
                .isEqualTo("2026-12-05T04:05:06.070Z");
        assertThat(IsoTimestamps.format(Instant.parse("1000-01-01T00:00:00Z"))).isEqualTo("1000-01-01T00:00:00.000Z");
        assertThat(IsoTimestamps.format(Instant.parse("0999-12-31T23:59:59.999Z")))
                .isEqualTo("0999-12-31T23:59:59.999Z");
        assertThat(IsoTimestamps.format(Instant.parse(IsoTimestamps.FAR_FUTURE))).isEqualTo(IsoTimestamps.FAR_FUTURE);
        assertThat(IsoTimestamps.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo(PATTERN.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertThat(IsoTimestamps.format(null)).isNull();
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(-62_000_000_000L, 260_000_000_000L),
                Arbitraries.longs().between(1_600_000_000L, 2_000_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000), Arbitraries.just(0));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }
}
