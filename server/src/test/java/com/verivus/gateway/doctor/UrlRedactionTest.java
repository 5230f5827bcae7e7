package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://gw.example.com/mcp | https://gw.example.com/mcp",
            "https://alice@gw.example.com/mcp | https://<redacted>@gw.example.com/mcp",
            "https://alice:pw@gw.example.com:8443/mcp | https://<redacted>:<redacted>@gw.example.com:8443/mcp",
            "https://gw.example.com/mcp?token=abc&x=1 | https://gw.example.com/mcp?token=<redacted>&x=1",
            "https://gw.example.com/mcp?access_token=a&api-key=b&apikey=c&SIG=d&signature=e | https://gw.example.com/mcp?access_token=<redacted>&api-key=<redacted>&apikey=<redacted>&SIG=d&signature=<redacted>",
            "https://gw.example.com/mcp?sessionId=1&Cookie=2&jwt=3&Password=4&page=2 | https://gw.example.com/mcp?sessionId=<redacted>&Cookie=<redacted>&jwt=<redacted>&Password=<redacted>&page=2",
            "https://gw.example.com/mcp#access_token=xyz&state=ok | https://gw.example.com/mcp#access_token=<redacted>&state=ok",
            "https://gw.example.com/%7Euser/mcp?q=a%20b | https://gw.example.com/%7Euser/mcp?q=a%20b",
            "not a url with token=abc | not a url with token=<redacted>",
            "http://bob:secret@bad host/x?token=1 | http://<redacted>@bad host/x?token=<redacted>"})
    void redactsCredentialsAndKeepsTheRest(String raw, String expected) {
        assertThat(UrlRedaction.redact(raw)).isEqualTo(expected);
    }

    @Test
    void emptyAndNullAreNull() {
        assertThat(UrlRedaction.redact(null)).isNull();
        assertThat(UrlRedaction.redact("")).isNull();
    }
}
