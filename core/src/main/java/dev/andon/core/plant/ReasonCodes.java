package dev.andon.core.plant;

import java.util.List;
import java.util.Optional;

/** The plant's reason lists: why a station stopped ({@code downtime}) and why parts were scrapped ({@code scrap}). */
public record ReasonCodes(List<Reason> downtime, List<Reason> scrap) {
    public ReasonCodes {
        downtime = downtime == null ? List.of() : List.copyOf(downtime);
        scrap = scrap == null ? List.of() : List.copyOf(scrap);
    }

    public static ReasonCodes none() {
        return new ReasonCodes(List.of(), List.of());
    }

    public Optional<Reason> downtime(String code) {
        return downtime.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Reason> scrap(String code) {
        return scrap.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
