package dev.andon.core.production;

import dev.andon.core.audit.AuditQuery;
import dev.andon.core.audit.AuditRecord;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.line.StationState;
import dev.andon.core.line.StationStatus;
import dev.andon.core.testing.ShiftWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StationReportsTest {
    static final Instant NINE_ROME = Instant.parse("2026-11-25T08:00:00Z");
    @TempDir
    Path dir;
    ShiftWorld w;
    AuditTrail audit;
    StationReports reports;
    final List<StationStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        w = new ShiftWorld(dir, NINE_ROME);
        audit = new AuditTrail(w.db, ShiftWorld.JSON, w.clock);
        reports = new StationReports(w.db, w.plant, w.stations, w.policy, audit, w.clock);
        reports.addListener(heard::add);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void anOperatorsReportOnTheirLineIsSavedAuditedWithBeforeAndAfterAndAnnouncedOnce() {
        reports.report(w.who("anna.rossi").inRequest("req-1"), "L2", "press-3", "running", null);
        StationStatus down = reports.report(w.who("anna.rossi").inRequest("req-2"), "L2", "press-3", "down",
                "hydraulic-leak");

        assertThat(w.stations.get("L2", "press-3").state()).isEqualTo(StationState.DOWN);
        assertThat(down.reportedBy()).isEqualTo("anna.rossi");
        assertThat(heard).extracting(StationStatus::state).containsExactly(StationState.RUNNING, StationState.DOWN);
        List<AuditRecord> records = audit.query(new AuditQuery(null, "station/L2/press-3", null, null, 10));
        assertThat(records).hasSize(2);
        AuditRecord last = records.get(0);
        assertThat(last.actor()).isEqualTo("anna.rossi");
        assertThat(last.action()).isEqualTo("station.report");
        assertThat(last.requestId()).isEqualTo("req-2");
        assertThat(last.before().get("state").asText()).isEqualTo("running");
        assertThat(last.after().get("state").asText()).isEqualTo("down");
        assertThat(last.after().get("reason").asText()).isEqualTo("hydraulic-leak");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anotherLinesOperatorIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> reports.report(w.who("anna.rossi"), "L1", "robot-2", "down", "jam"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(w.stations.get("L1", "robot-2").state()).isEqualTo(StationState.UNKNOWN);
        assertThat(audit.count()).isZero();
        assertThat(heard).isEmpty();
    }

    @Test
    void badReportsAreRefusedWithEachProblemAndUnknownStationsAreNotFound() {
        assertThatThrownBy(() -> reports.report(w.who("anna.rossi"), "L2", "press-3", "down", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> reports.report(w.who("anna.rossi"), "L2", "press-3", "exploded", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> reports.report(w.who("anna.rossi"), "L2", "no-such-station", "running", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.report(w.who("anna.rossi"), "L9", "press-3", "running", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.count()).isZero();
        assertThat(heard).isEmpty();
    }
}
