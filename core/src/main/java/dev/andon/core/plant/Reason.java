package dev.andon.core.plant;

/**
 * A reason code people and machines report with a stop or with scrap. A {@code planned} downtime reason (no orders,
 * planned trial) takes its time out of planned production time instead of counting against availability.
 */
public record Reason(String code, String name, Boolean planned) {
    public Reason {
        planned = planned != null && planned;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPlanned() {
        return planned;
    }
}
