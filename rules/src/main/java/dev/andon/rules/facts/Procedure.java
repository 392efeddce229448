package dev.andon.rules.facts;

/**
 * Marks that a station-specific procedure covers a runbook here, so generic rules for the same runbook stand back
 * ({@code not Procedure(runbook == "vibration-action")}). Rules insert it; nothing else reads it.
 */
public final class Procedure implements Describable {
    private final String runbook;
    private final String documentId;

    public Procedure(String runbook, String documentId) {
        this.runbook = DecisionDraft.text(runbook, "procedure runbook");
        this.documentId = DecisionDraft.text(documentId, "procedure document id");
    }

    public String getRunbook() { return runbook; }
    public String getDocumentId() { return documentId; }

    @Override
    public String describe() {
        return "station procedure " + documentId + " covers runbook " + runbook;
    }

    @Override
    public String toString() {
        return describe();
    }
}
