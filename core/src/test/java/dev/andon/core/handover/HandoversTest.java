package dev.andon.core.handover;

import dev.andon.core.alert.AlertRecord;
import dev.andon.core.alert.AlertState;
import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditRecord;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.core.resolution.AlertResolutions;
import dev.andon.core.shift.CrewMember;
import dev.andon.core.testing.ShiftWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.andon.core.testing.ShiftWorld.batch;
import static dev.andon.core.testing.ShiftWorld.count;
import static dev.andon.core.testing.ShiftWorld.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The early shift on L2 (Luca Bianchi leads) hands over to the late shift (Davide Gallo leads). */
class HandoversTest {
    static final String EARLY = "L2.2026-11-25.early";
    @TempDir
    Path dir;
    ShiftWorld w;
    final List<String> heard = new ArrayList<>();

    static Instant t(String hhmm) {
        return Instant.parse("2026-11-25T" + hhmm + ":00Z");
    }

    @BeforeEach
    void shift() {
        w = new ShiftWorld(dir, t("12:00"));
        w.handovers.addListener((r, step, who) -> heard.add(step.action() + " by " + who.id()));
        w.events.record(w.who("anna.rossi"), "L2", batch(
                state("v1", "vision-5", "running", null, t("05:00")),
                count("v2", "vision-5", 3000, 20, "dimension", t("11:00")),
                state("p1", "press-3", "running", null, t("05:00")),
                state("p2", "press-3", "down", "hydraulic-leak", t("11:30"))));
        AlertRecord fixed = w.raise("L2", "press-3", "hydraulic-pressure-drop", t("06:00"), "marco.ferri");
        w.lifecycle.transition(fixed.id(), AlertState.ACKNOWLEDGED, w.who("marco.ferri"), null);
        w.resolutions.resolve(w.lifecycle, fixed.id(), w.who("marco.ferri"), null,
                new AlertResolutions.Input("worn seal on the main cylinder", "seal", "replaced the seal", "replace"));
        w.raise("L2", "station-4", "tool-wear", t("10:00"), "marco.ferri");
        w.notes.add(w.people.principalOf("anna.rossi").orElseThrow(), "L2", "early", "coil changed at 10:00", t("10:05"));
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void theReportSaysWhichSkillsNobodyOnTheIncomingShiftHas() {
        HandoverReport r = w.handovers.forLine(w.who("anna.rossi"), "L2", "current");

        assertThat(r.incomingGaps()).extracting(g -> g.text()).containsExactly(
                "Late shift on L2 (2026-11-25): nobody qualified for Lock-out/tag-out on press-3 (in training: Stefano Moretti)");
        assertThat(new HandoverMarkdown(java.time.ZoneId.of("Europe/Rome")).render(r))
                .contains("Skills nobody on the incoming shift is qualified for:", "Lock-out/tag-out on press-3");
    }

    @Test
    void theDraftGathersTheShiftFromTheRecords() {
        HandoverReport r = w.handovers.forLine(w.who("anna.rossi"), "L2", "current");

        assertThat(r.id()).isEqualTo(EARLY);
        assertThat(r.status()).isEqualTo(HandoverStatus.DRAFT);
        assertThat(r.nextShift()).isEqualTo("L2.2026-11-25.late");
        assertThat(r.outgoing()).extracting(CrewMember::person).contains("luca.bianchi", "anna.rossi");
        assertThat(r.incoming()).extracting(CrewMember::person).contains("davide.gallo", "elena.ricci");
        assertThat(r.production().output()).isEqualTo(3000);
        assertThat(r.production().plan()).isEqualTo(4000);
        assertThat(r.production().kpis().kpis().oee()).isNotNull();
        assertThat(r.equipmentOutOfService()).extracting(HandoverReport.Equipment::station).containsExactly("press-3");
        assertThat(r.downtime().get(0).reason()).isEqualTo("hydraulic-leak");
        assertThat(r.alerts().raised()).isEqualTo(2);
        assertThat(r.alerts().acknowledged()).isEqualTo(1);
        assertThat(r.alerts().resolved()).isEqualTo(1);
        assertThat(r.alerts().resolvedList().get(0).resolution()).contains("worn seal", "replaced the seal");
        HandoverReport.AlertLine open = r.alerts().open().get(0);
        assertThat(open.type()).isEqualTo("tool-wear");
        assertThat(open.owner()).startsWith("Marco Ferri");
        assertThat(open.state()).isEqualTo("assigned");
        assertThat(open.nextStep()).startsWith("acknowledge").contains("Check the hydraulic unit");
        assertThat(r.shiftNotes()).extracting(HandoverReport.Note::text).containsExactly("coil changed at 10:00");
        assertThat(r.history()).extracting(HandoverStep::action).containsExactly("drafted");
    }

    @Test
    void outgoingEditsAndSignsIncomingSendsBackThenAcceptsAndTheReportLocks() {
        Principal luca = w.who("luca.bianchi");
        Principal davide = w.who("davide.gallo");
        w.handovers.edit(luca, EARLY, new HandoverEdit(List.of("none"), List.of("oil on floor by press-3, cleaned"),
                List.of("press-3 hydraulic unit locked out (LOTO tag 17)"), null, List.of("batch B-7 on hold: burrs"),
                List.of(new CarriedAction(null, "re-check clamp torque on press-3", "marco.ferri", null, false)),
                List.of("wear gloves at station-4"), "Quiet shift apart from press-3."));

        assertThatThrownBy(() -> w.handovers.accept(davide, EARLY, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only after the outgoing leader signs");
        HandoverReport signed = w.handovers.sign(luca, EARLY);
        assertThat(signed.status()).isEqualTo(HandoverStatus.SIGNED);
        assertThatThrownBy(() -> w.handovers.edit(luca, EARLY, notes("more")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("signed");

        HandoverReport back = w.handovers.sendBack(davide, EARLY, "Is press-3 safe to restart?");
        assertThat(back.status()).isEqualTo(HandoverStatus.SENT_BACK);
        assertThat(back.question()).isEqualTo("Is press-3 safe to restart?");
        w.handovers.edit(luca, EARLY, notes("Press-3 stays locked out until maintenance signs off."));
        w.handovers.sign(luca, EARLY);
        assertThatThrownBy(() -> w.handovers.accept(luca, EARLY, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("incoming team leader");

        HandoverReport accepted = w.handovers.accept(davide, EARLY, "ok");
        assertThat(accepted.status()).isEqualTo(HandoverStatus.ACCEPTED);
        assertThat(accepted.history()).extracting(HandoverStep::action)
                .containsExactly("drafted", "edited", "signed", "sent-back", "edited", "signed", "accepted");
        assertThat(accepted.history()).extracting(HandoverStep::by)
                .containsExactly("system:handover", "luca.bianchi", "luca.bianchi", "davide.gallo", "luca.bianchi",
                        "luca.bianchi", "davide.gallo");
        assertThat(heard).hasSize(7).last().isEqualTo("accepted by davide.gallo");

        assertThatThrownBy(() -> w.handovers.accept(davide, EARLY, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already accepted by davide.gallo");
        assertThatThrownBy(() -> w.handovers.edit(luca, EARLY, notes("sneaky")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("locked");
        assertThatThrownBy(() -> w.handovers.sign(luca, EARLY)).isInstanceOf(ConflictException.class);
        assertThat(w.handovers.view(davide, EARLY).notes()).isEqualTo("Press-3 stays locked out until maintenance signs off.");

        // the late shift's draft carries the open action and the standing instruction forward
        w.clock.set(t("14:00"));
        HandoverReport late = w.handovers.forLine(davide, "L2", "current");
        assertThat(late.actions()).extracting(CarriedAction::text).containsExactly("re-check clamp torque on press-3");
        assertThat(late.actions().get(0).since()).isEqualTo(EARLY);
        assertThat(late.standingInstructions()).containsExactly("wear gloves at station-4");
        assertThat(w.handovers.handedOverTo("davide.gallo")).map(HandoverReport::id).contains(EARLY);

        String md = new HandoverMarkdown(w.plant.timezone()).render(accepted);
        assertThat(md).contains("# Shift handover — Press line 2 (L2), Early shift 2026-11-25", "status **accepted**",
                "Open lock-outs: press-3 hydraulic unit locked out (LOTO tag 17)", "## Downtime Pareto", "Hydraulic leak",
                "re-check clamp torque on press-3", "accepted by Davide Gallo (davide.gallo): ok");
    }

    @Test
    void onlyThatShiftsLeaderMaySignOrEdit() {
        assertThatThrownBy(() -> w.handovers.sign(w.who("anna.rossi"), EARLY))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("handover:sign");
        assertThatThrownBy(() -> w.handovers.sign(w.who("karin.huber"), EARLY))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("only that shift's team leader")
                .hasMessageContaining("luca.bianchi");
        assertThatThrownBy(() -> w.handovers.edit(w.who("davide.gallo"), EARLY, notes("x")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.handovers.sendBack(w.who("davide.gallo"), EARLY, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("question");
    }

    @Test
    void eachStepAndEachSwapIsAnAuditRecordOfItsOwnCommitAndARefusalWritesNone() {
        long before = w.audit.count(); // the shift's line events are on record already
        assertThatThrownBy(() -> w.handovers.sign(w.who("anna.rossi"), EARLY)).isInstanceOf(ForbiddenException.class);
        assertThat(w.audit.count()).isEqualTo(before);

        w.teams.swap(w.who("luca.bianchi"), EARLY, "team-leader", "luca.bianchi", "paolo.greco", "Luca at training");
        w.handovers.sign(w.who("paolo.greco"), EARLY);

        List<AuditRecord> swap = w.audit.query(new AuditQuery(null, "shift/" + EARLY, null, null, 10));
        assertThat(swap).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("luca.bianchi");
            assertThat(r.action()).isEqualTo("roster.swap");
            assertThat(r.after().get("in").asText()).isEqualTo("paolo.greco");
        });
        // the first step on a shift with no report yet drafts it (Andon) and signs it (the leader), in one commit
        List<AuditRecord> steps = w.audit.query(new AuditQuery(null, "handover/" + EARLY, null, null, 10));
        assertThat(steps).extracting(AuditRecord::actor, AuditRecord::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("paolo.greco", "handover:signed"),
                org.assertj.core.groups.Tuple.tuple("system:handover", "handover:drafted"));
        assertThat(w.audit.verify().intact()).isTrue();
    }

    @Test
    void aLeaderSwappedInSignsInsteadOfTheRosteredOne() {
        w.teams.swap(w.who("luca.bianchi"), EARLY, "team-leader", "luca.bianchi", "paolo.greco", "Luca at training");

        assertThatThrownBy(() -> w.handovers.sign(w.who("luca.bianchi"), EARLY)).isInstanceOf(ForbiddenException.class);
        HandoverReport r = w.handovers.sign(w.who("paolo.greco"), EARLY);
        assertThat(r.outgoing()).anySatisfy(c -> assertThat(c).isEqualTo(
                new CrewMember("paolo.greco", "Paolo Greco", "team-leader", true)));
    }

    @Test
    void reportsAreDraftedWhenTheShiftEndsOncePerShift() {
        w.clock.set(t("13:01"));
        assertThat(w.handovers.draftEnded(w.clock.instant())).extracting(HandoverReport::id)
                .containsExactlyInAnyOrder("L1.2026-11-25.early", EARLY);
        assertThat(w.handovers.draftEnded(w.clock.instant())).isEmpty();
        assertThat(w.handovers.list(w.who("luca.bianchi"), "L2", 10)).extracting(HandoverReport::id).containsExactly(EARLY);
    }

    private static HandoverEdit notes(String text) {
        return new HandoverEdit(null, null, null, null, null, null, null, text);
    }
}
