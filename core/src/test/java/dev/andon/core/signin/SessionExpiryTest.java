package dev.andon.core.signin;

import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditRecord;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.testing.MutableClock;
import dev.andon.core.testing.ShiftWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser session that reaches its end is gone from the store, and the audit trail says when and whose. */
class SessionExpiryTest {
    @TempDir
    Path dir;

    @Test
    void aSessionPastItsEndIsRemovedWithItsAuditRecordAndNoLongerSignsAnyoneIn() {
        Plant plant = new PlantLoader().load(ShiftWorld.SAMPLE);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail audit = new AuditTrail(db, AndonJson.newMapper(), clock);
            Identities identities = new Identities(db, AndonJson.newMapper(), plant, PermissionPolicy.bundled(), audit,
                    new PasswordHasher(), new SignInThrottle(clock), clock);
            var luca = new PlantPeople(plant).principalOf("luca.bianchi").orElseThrow();
            Identities.NewSession session = identities.openSession(new Identities.SignedIn(luca, false));

            clock.advance(Identities.SESSION_LIFETIME.minus(Duration.ofMinutes(1)));
            assertThat(identities.expireSessions()).isZero();
            assertThat(identities.session(session.cookieValue())).isPresent();

            clock.advance(Duration.ofMinutes(2));
            assertThat(identities.expireSessions()).isEqualTo(1);

            assertThat(identities.session(session.cookieValue())).isEmpty();
            List<AuditRecord> records = audit.query(new AuditQuery(null, "user/luca.bianchi", null, null, 5));
            assertThat(records).first().satisfies(r -> {
                assertThat(r.action()).isEqualTo("session.expire");
                assertThat(r.actor()).isEqualTo("system:andon-sessions");
                assertThat(r.before().get("endsAt").asText()).isEqualTo(session.expiresAt().toString());
            });
            assertThat(identities.expireSessions()).as("each session expires once").isZero();
            assertThat(audit.verify().intact()).isTrue();
        }
    }
}
