package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.core.plant.OnCall;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.ShiftRoster;

import java.util.List;
import java.util.stream.Collectors;

/** "Who is on shift?" / "who is the team leader?": the roster for the current shift, and the on-call people. */
public final class OnShiftReport {
    private final Plant plant;
    private final ShiftContacts contacts;
    private final PlantTime time;

    public OnShiftReport(Plant plant, ShiftContacts contacts, PlantTime time) {
        this.plant = plant;
        this.contacts = contacts;
        this.time = time;
    }

    /** {@code line} null = every line. */
    public Reply reply(String line) {
        ReplyDraft d = new ReplyDraft(Intent.ON_SHIFT);
        List<ShiftRoster.OnShift> now = contacts.roster().onShift(time.now());
        String shift = contacts.currentShift().map(s -> s.name() + " (" + s.start() + "–" + s.end() + ")").orElse("no shift");
        d.line("On shift now, " + shift + ", from the plant roster:");
        List<String> lines = line == null ? plant.lines().stream().map(l -> l.id()).toList() : List.of(line);
        for (String l : lines) {
            List<ShiftRoster.OnShift> here = now.stream().filter(o -> o.line().equals(l)).toList();
            d.line("- " + l + ": " + (here.isEmpty() ? "nobody rostered" : here.stream()
                    .map(o -> contacts.roleName(o.role()) + " " + o.person().name() + contact(o.person().contact()))
                    .collect(Collectors.joining("; "))));
        }
        if (!plant.onCall().isEmpty()) {
            d.line("On call: " + plant.onCall().stream().map(this::onCall).collect(Collectors.joining("; ")) + ".");
        }
        return d.build();
    }

    private String onCall(OnCall o) {
        return contacts.roleName(o.role()) + " " + plant.person(o.person()).map(p -> p.name() + contact(p.contact())).orElse(o.person());
    }

    private static String contact(String c) {
        return c == null || c.isBlank() ? "" : " (" + c + ")";
    }
}
