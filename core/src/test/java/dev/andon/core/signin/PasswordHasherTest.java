package dev.andon.core.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    final PasswordHasher hasher = new PasswordHasher();

    @Test
    void argon2idHashesVerifyOnlyTheRightPasswordAndNeverRepeat() {
        String a = hasher.hash("correct horse battery staple");
        String b = hasher.hash("correct horse battery staple");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(a).as("salted").isNotEqualTo(b);
        assertThat(hasher.verify("correct horse battery staple", a)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", a)).isFalse();
        assertThat(hasher.verify("x", "not-a-hash")).isFalse();
        assertThat(hasher.verify(null, a)).isFalse();
    }
}
