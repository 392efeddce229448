package dev.andon.rules.decision;

import dev.andon.core.alert.Alert;
import dev.andon.core.line.StationState;
import dev.andon.core.plant.AlertType;
import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.plant.Station;
import dev.andon.rules.facts.AlertFact;
import dev.andon.rules.facts.AlertHistoryFact;
import dev.andon.rules.facts.OnShiftFact;
import dev.andon.rules.facts.SilenceFact;
import dev.andon.rules.facts.StationFact;
import dev.andon.rules.silence.Silence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns an alert and its situation into the facts rules match on (see docs/rules.md for the fact types). */
public final class FactBuilder {
    private final Plant plant;
    private final ShiftRoster roster;
    private final AssigneeResolver people;

    public FactBuilder(Plant plant, ShiftRoster roster, AssigneeResolver people) {
        this.plant = plant;
        this.roster = roster;
        this.people = people;
    }

    public List<Object> facts(Alert alert, DecisionInputs in, List<Silence> silences) {
        List<Object> facts = new ArrayList<>();
        AlertType type = plant.alertType(alert.type()).orElse(null);
        facts.add(new AlertFact(alert.id(), alert.source(), alert.modelVersion(), alert.line(), alert.station(),
                alert.type(), type == null ? alert.type() : type.name(), type == null ? "unknown" : type.category(),
                alert.severity() == null ? "medium" : alert.severity().wire(), alert.confidence(), alert.timestamp(),
                in.occurrences(), in.flapping(), alert.payload()));
        Line line = plant.line(alert.line()).orElse(null);
        Station station = line == null ? null : line.station(alert.station()).orElse(null);
        if (line != null && station != null) {
            StationState state = in.station() == null || in.station().state() == null ? StationState.UNKNOWN : in.station().state();
            facts.add(new StationFact(line.id(), line.name(), line.area(), line.product(), station.id(), station.name(),
                    station.kind(), station.equipment(), state.wire(), in.station() == null ? null : in.station().reason()));
            LocalDate day = roster.dayAt(in.at());
            for (ShiftRoster.OnShift o : people.roster().at(in.at())) {
                if (o.line().equals(line.id())) {
                    facts.add(new OnShiftFact(o.person().id(), o.person().name(), o.role(), o.line(), o.shift(),
                            people.qualified(o.person(), station, day)));
                }
            }
        }
        HistoryCounts h = in.history();
        facts.add(new AlertHistoryFact(alert.line(), alert.station(), h.windowMinutes(), h.onStation(),
                h.sameTypeOnStation(), h.onLine(), h.openOnLine()));
        for (Silence s : silences) {
            facts.add(new SilenceFact(s.id(), s.kind(), s.reason(), s.author(), s.endsAt()));
        }
        return facts;
    }
}
