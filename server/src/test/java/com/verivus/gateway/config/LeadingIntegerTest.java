package com.verivus.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadingIntegerTest {

    @ParameterizedTest(name = "parseInt(\"{0}\") positive-or-7 = {1}")
    @CsvSource(delimiter = '|', value = {
            "60|60", "60s|60", "  42|42", "+9|9", "-5|7", "0|7", "abc|7", "''|7", "0x10|7", "1e3|1",
            "99999999999999999999999|9223372036854775807"})
    void readsLikeJavaScriptParseIntAndFallsBackWhenNotPositive(String text, long expected) {
        assertThat(LeadingInteger.positiveOr(text, 7)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullAndSignOnlyAreNoNumber() {
        assertThat(LeadingInteger.parse(null)).isEmpty();
        assertThat(LeadingInteger.parse("-")).isEmpty();
        assertThat(LeadingInteger.parse("-12x").getAsLong()).isEqualTo(-12);
    }
}
