package com.verivus.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerAuthTest {

    static Optional<BearerAuth.Denial> check(BearerAuth auth, String header) {
        return auth.check(Optional.ofNullable(header));
    }

    @Test
    void theRightTokenPassesWithAnyCaseOfTheScheme() {
        BearerAuth auth = new BearerAuth(Optional.of("s3cret"), false);
        assertThat(check(auth, "Bearer s3cret")).isEmpty();
        assertThat(check(auth, "bearer s3cret")).isEmpty();
    }

    @Test
    void missingMalformedOrWrongCredentialsAre401() {
        BearerAuth auth = new BearerAuth(Optional.of("s3cret"), false);
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Basic s3cret", "s3cret", "Bearer s3cre",
                "Bearer s3cret ", "Bearer S3CRET", "Bearer s3crets"}) {
            assertThat(check(auth, header)).as(String.valueOf(header))
                    .hasValue(new BearerAuth.Denial(401, "Unauthorized"));
        }
    }

    @Test
    void withoutAConfiguredTokenEverythingIs503() {
        BearerAuth auth = new BearerAuth(Optional.empty(), false);
        assertThat(check(auth, "Bearer anything"))
                .hasValue(new BearerAuth.Denial(503, "HTTP transport requires LLM_GATEWAY_AUTH_TOKEN"));
        assertThat(new BearerAuth(Optional.of(""), false).tokenConfigured()).isFalse();
    }

    @Test
    void disabledAuthLetsEverythingThrough() {
        BearerAuth auth = new BearerAuth(Optional.empty(), true);
        assertThat(check(auth, null)).isEmpty();
        assertThat(check(new BearerAuth(Optional.of("t"), true), "Bearer wrong")).isEmpty();
    }
}
