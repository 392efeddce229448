package dev.andon.core.signin;

import dev.andon.core.error.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesButNotOtherAccounts() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            throttle.check("anna.rossi", "10.0.0.1");
            throttle.failed("anna.rossi", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("anna.rossi", "10.0.0.2")).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("anna.rossi");
        assertThatCode(() -> throttle.check("marco.ferri", "10.0.0.2")).doesNotThrowAnyException();
        now = now.plus(Duration.ofMinutes(16));
        assertThatCode(() -> throttle.check("anna.rossi", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.check("someone-new", "10.0.0.9")).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("address");
    }
}
