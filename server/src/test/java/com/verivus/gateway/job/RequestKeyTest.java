package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected keys were computed with Node 20's JSON.stringify and crypto.createHash("sha256") — the
 * runtime of the reference gateway — and the first also with sha256sum over the literal JSON.
 */
class RequestKeyTest {

    @Test
    void plainArgsHashTheCanonicalJsonOfCliArgsAndEmptyExtra() {
        assertThat(RequestKey.canonicalJson("claude", List.of("-p", "hello"), Map.of()))
                .isEqualTo("{\"cli\":\"claude\",\"args\":[\"-p\",\"hello\"],\"extra\":\"\"}");
        assertThat(RequestKey.of("claude", List.of("-p", "hello"), Map.of()))
                .isEqualTo("df2387c164e4b06b83817fcd49989dfdcc19e535fbc94e3219bf695d11e81493");
    }

    @Test
    void aWorkingDirectoryAddsACwdKeyAndWithoutOneTheKeyIsTheNodeGatewaysByteForByte() {
        assertThat(RequestKey.of("claude", List.of("-p", "hello"), Map.of(), null))
                .isEqualTo("df2387c164e4b06b83817fcd49989dfdcc19e535fbc94e3219bf695d11e81493");
        assertThat(RequestKey.canonicalJson("claude", List.of("-p", "hello"), Map.of(), java.nio.file.Path.of("/r/a")))
                .isEqualTo("{\"cli\":\"claude\",\"args\":[\"-p\",\"hello\"],\"extra\":\"\",\"cwd\":\"/r/a\"}");
        assertThat(RequestKey.of("claude", List.of("-p", "hello"), Map.of(), java.nio.file.Path.of("/r/a")))
                .isNotEqualTo(RequestKey.of("claude", List.of("-p", "hello"), Map.of(), java.nio.file.Path.of("/r/b")))
                .isNotEqualTo(RequestKey.of("claude", List.of("-p", "hello"), Map.of()));
    }

    @Test
    void quotesAndBackslashesAreEscapedAsJavaScriptDoes() {
        assertThat(RequestKey.of("codex", List.of("exec", "--skip-git-repo-check", "fix the \"bug\"\\now"), null))
                .isEqualTo("f14994c6dde255804e93994b8cd7dd0c14ccb891f47e6e3f00b97dddc96a72db");
    }

    @Test
    void controlCharactersUseShortEscapesOrLowerCaseUnicodeEscapesAndDelIsRaw() {
        String arg = "tab\tnl\nctl\u0001\u001f del\u007f";
        assertThat(RequestKey.canonicalJson("gemini", List.of("-p", arg), Map.of()))
                .contains("tab\\tnl\\nctl\\u0001\\u001f del\u007f");
        assertThat(RequestKey.of("gemini", List.of("-p", arg), Map.of()))
                .isEqualTo("470c81239b9272b16a064d654e534467cbd24006c0c11545ec97afa056060e60");
    }

    @Test
    void nonAsciiIsHashedAsRawUtf8() {
        assertThat(RequestKey.of("claude", List.of("-p", "héllo wörld 日本 😀"), Map.of()))
                .isEqualTo("e964f808f4d9a3f2916a2e099a50295c1979ad48fddf279ac234427639a00824");
    }

    @Test
    void loneSurrogatesAreEscapedLikeWellFormedJsonStringify() {
        String arg = "lone \ud800 high and \udc00 low";
        assertThat(RequestKey.canonicalJson("claude", List.of("-p", arg), Map.of()))
                .contains("lone \\ud800 high and \\udc00 low");
        assertThat(RequestKey.of("claude", List.of("-p", arg), Map.of()))
                .isEqualTo("5923edac82afa322d68e58f2565dda40d55bb3455b4aaa296ffca13054afb0c0");
    }

    @Test
    void environmentBecomesSortedNameValuePairsInExtra() {
        assertThat(RequestKey.of("mistral", List.of("-p", "hi"), Map.of("VIBE_ACTIVE_MODEL", "devstral-medium")))
                .isEqualTo("c547952aa070327de34de0ee1df0be684b3f7f4ccfee3545f9669c2496236edc");
        Map<String, String> unordered = new LinkedHashMap<>();
        unordered.put("b", "2");
        unordered.put("a", "1");
        unordered.put("B", "3");
        assertThat(RequestKey.extra(unordered)).isEqualTo("[[\"B\",\"3\"],[\"a\",\"1\"],[\"b\",\"2\"]]");
        assertThat(RequestKey.of("mistral", List.of("-p", "hi"), unordered))
                .isEqualTo("0566317e5aec12e9650a0640dc3de2f53fe57db663e2668a5744f2b113155660");
    }

    @Test
    void emptyEnvironmentKeysLikeNoEnvironment() {
        assertThat(RequestKey.of("mistral", List.of("-p", "hi"), Map.of()))
                .isEqualTo(RequestKey.of("mistral", List.of("-p", "hi"), null))
                .isEqualTo("36643514ac5c6158383784157489f596049a6cd496de324338cfec785c0a0b9f");
        assertThat(RequestKey.of("grok", List.of(), Map.of()))
                .isEqualTo("d9258b785c4a877a97d5029d9435a6f44b0d884d69dbecf2aa672099c92f166d");
    }

    @Test
    void differentCliArgsOrEnvGiveDifferentKeys() {
        String base = RequestKey.of("claude", List.of("-p", "x"), Map.of());
        assertThat(RequestKey.of("codex", List.of("-p", "x"), Map.of())).isNotEqualTo(base);
        assertThat(RequestKey.of("claude", List.of("-p", "y"), Map.of())).isNotEqualTo(base);
        assertThat(RequestKey.of("claude", List.of("-p", "x"), Map.of("A", "1"))).isNotEqualTo(base);
    }
}
