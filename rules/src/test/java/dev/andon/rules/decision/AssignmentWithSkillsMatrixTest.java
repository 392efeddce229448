package dev.andon.rules.decision;

import dev.andon.core.alert.Assignee;
import dev.andon.core.alert.Decision;
import dev.andon.core.alert.FiredRule;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Qualification.Level;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.skills.SkillCatalog;
import dev.andon.core.skills.SkillsMatrix;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.engine.RunbookEngine;
import dev.andon.rules.support.Alerts;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Hands-on runbooks ask the skills matrix, not the plant file: changes through the matrix change who gets the alert. */
class AssignmentWithSkillsMatrixTest {
    final Plant plant = SampleRules.plant();
    final Principal trainer = new PlantPeople(plant).principalOf("alessio.barbieri").orElseThrow();
    @TempDir
    Path data;
    AndonDatabase db;
    SkillsMatrix matrix;
    RunbookDecider decider;

    @BeforeEach
    void open() {
        db = AndonDatabase.open(data);
        matrix = new SkillsMatrix(db, AndonJson.newMapper(), plant, SkillCatalog.of(plant), PermissionPolicy.bundled(),
                Clock.fixed(Alerts.EARLY_SHIFT, ZoneOffset.UTC));
        ShiftRoster roster = new ShiftRoster(plant);
        AssigneeResolver people = new AssigneeResolver(roster, matrix);
        decider = new RunbookDecider(plant, new FactBuilder(plant, roster, people), new RunbookEngine(1000),
                new DecisionAssembler(people), new FallbackDecisions(roster, people), new EvaluationProblems());
    }

    @AfterEach
    void close() {
        db.close();
    }

    Decision decide(Instant at) {
        var alert = Alerts.withId(Alerts.pressVibration(0.82, at), "1");
        return decider.decide(SampleRules.compiled(), alert, RunbookDecisionTest.inputs(alert, at, false), List.of());
    }

    static String roster(Decision d) {
        return d.firedRules().stream().filter(f -> f.name().equals(DecisionAssembler.ROSTER_RULE)).findFirst()
                .map(FiredRule::explanation).orElseThrow();
    }

    @Test
    void theDecisionSaysWhichQualificationWasMissingAndWhomItSkipped() {
        Decision d = decide(Alerts.LATE_SHIFT);

        assertThat(d.assignee().person()).isEqualTo("nicola.rinaldi");
        assertThat(d.assignee().via()).isEqualTo("on-call");
        assertThat(d.assignee().missingQualification()).isEqualTo("press-3");
        // The owner role (maintenance) first, then the fallback role (team-leader), both on the late shift on L2.
        assertThat(d.assignee().skipped()).extracting(Assignee.Skipped::person, Assignee.Skipped::role, Assignee.Skipped::reason)
                .containsExactly(tuple("stefano.moretti", "maintenance", "in training for press-3"),
                        tuple("davide.gallo", "team-leader", "not qualified for press-3 or its equipment"));
        assertThat(roster(d)).contains("skipped Stefano Moretti (in training for press-3), Davide Gallo (not qualified");
    }

    @Test
    void qualifyingSomeoneInTheMatrixHandsThemTheNextAlert() {
        matrix.set(trainer, "stefano.moretti", "press-3", Level.QUALIFIED, LocalDate.of(2026, 12, 31));

        Decision d = decide(Alerts.LATE_SHIFT);

        assertThat(d.assignee().person()).isEqualTo("stefano.moretti");
        assertThat(d.assignee().via()).isEqualTo("on-shift");
        assertThat(d.assignee().missingQualification()).isNull();
        assertThat(d.assignee().skipped()).isEmpty();
    }

    @Test
    void aLapsedQualificationStopsCountingAndTheAlertGoesDownTheFallbackChain() {
        matrix.set(trainer, "stefano.moretti", "press-3", Level.QUALIFIED, LocalDate.of(2026, 12, 31));
        Instant lateShiftInJanuary = ZonedDateTime.of(2027, 1, 5, 15, 30, 0, 0, Alerts.ROME).toInstant();

        Decision d = decide(lateShiftInJanuary);

        assertThat(d.assignee().via()).isEqualTo("on-call");
        assertThat(d.assignee().skipped()).first()
                .extracting(Assignee.Skipped::reason).isEqualTo("press-3: qualification lapsed on 2026-12-31");
    }
}
