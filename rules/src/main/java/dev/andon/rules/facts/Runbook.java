package dev.andon.rules.facts;

/**
 * The runbook the routing rules chose, as a fact so that step, flag and escalation rules can match on it
 * ({@code Runbook(id == "vibration-action")}). Empty ({@code id == null}) until a routing rule fires; rules change it
 * only through the {@code decision} global, which keeps the engine informed.
 */
public final class Runbook implements Describable {
    private String id;
    private String ownerRole;
    private String fallbackRole;
    private boolean qualificationRequired = true;
    private int acknowledgeMinutes;
    private int resolveMinutes;
    private String escalateTo;

    public String getId() { return id; }
    public String getOwnerRole() { return ownerRole; }
    public String getFallbackRole() { return fallbackRole; }
    public boolean isQualificationRequired() { return qualificationRequired; }
    public int getAcknowledgeMinutes() { return acknowledgeMinutes; }
    public int getResolveMinutes() { return resolveMinutes; }
    public String getEscalateTo() { return escalateTo; }

    void setId(String id) { this.id = id; }
    void setOwnerRole(String ownerRole) { this.ownerRole = ownerRole; }
    void setFallbackRole(String fallbackRole) { this.fallbackRole = fallbackRole; }
    void setQualificationRequired(boolean qualificationRequired) { this.qualificationRequired = qualificationRequired; }
    void setAcknowledgeMinutes(int acknowledgeMinutes) { this.acknowledgeMinutes = acknowledgeMinutes; }
    void setResolveMinutes(int resolveMinutes) { this.resolveMinutes = resolveMinutes; }
    void setEscalateTo(String escalateTo) { this.escalateTo = escalateTo; }

    public boolean isChosen() {
        return id != null;
    }

    @Override
    public String describe() {
        if (id == null) {
            return "no runbook chosen yet";
        }
        return "runbook " + id + " owned by " + ownerRole + " (acknowledge within " + acknowledgeMinutes
                + " min, resolve within " + resolveMinutes + " min)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
