package com.verivus.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresDsnTest {

    @Test
    void aFullDsnSplitsIntoAJdbcUrlWithoutCredentialsAndTheCredentials() {
        PostgresDsn d = PostgresDsn.parse("postgresql://gw:p%40ss%3Aw0rd@db.example:6543/jobs?sslmode=require");
        assertThat(d.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/jobs?sslmode=require");
        assertThat(d.user()).isEqualTo("gw");
        assertThat(d.password()).isEqualTo("p@ss:w0rd");
        assertThat(d.redacted()).isEqualTo("postgresql://gw:***@db.example:6543/jobs?sslmode=require");
        assertThat(d.toString()).doesNotContain("w0rd");
    }

    @Test
    void theDefaultPortAndThePostgresSchemeAreAccepted() {
        PostgresDsn d = PostgresDsn.parse("postgres://u@h/db");
        assertThat(d.port()).isEqualTo(5432);
        assertThat(d.password()).isNull();
        assertThat(d.redacted()).isEqualTo("postgresql://u@h:5432/db");
    }

    @Test
    void aPasswordInTheQueryIsRedactedToo() {
        assertThat(PostgresDsn.parse("postgresql://h/db?user=u&password=secret&x=1").redacted())
                .isEqualTo("postgresql://h:5432/db?user=u&password=***&x=1");
    }

    @Test
    void badDsnsAreRefusedSayingWhatIsWrongWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PostgresDsn.parse("mysql://u:secret@h/db")).hasMessageContaining("must start with")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresDsn.parse("postgresql://u:secret@h")).hasMessageContaining("names no database");
        assertThatThrownBy(() -> PostgresDsn.parse("postgresql:///db")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> PostgresDsn.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PostgresDsn.parse("postgresql://u:se cret@h/db")).hasMessageContaining("not a URL")
                .hasMessageNotContaining("se cret");
    }
}
