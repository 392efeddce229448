package dev.andon.web.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Map;

/** One part of the service (store, rules, index, assistant) as /health reports it. */
public record PartHealth(String status, Map<String, Object> detail) {
    public static PartHealth up(Map<String, Object> detail) {
        return new PartHealth("up", detail);
    }

    public static PartHealth down(Map<String, Object> detail) {
        return new PartHealth("down", detail);
    }

    @JsonIgnore
    public boolean isUp() {
        return "up".equals(status);
    }
}
