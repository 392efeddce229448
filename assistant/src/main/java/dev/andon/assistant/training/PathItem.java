package dev.andon.assistant.training;

/**
 * One step of an onboarding path. Ids are stable across assemblies ({@code read:DOC#3}, {@code practical:DOC#1},
 * {@code quiz:DOC}) so progress and a trainer's edits keep pointing at the same thing.
 */
public record PathItem(String id, ItemKind kind, String documentId, String documentTitle, String section,
                       String title, boolean pinned) {

    PathItem pinnedAs(boolean pin) {
        return new PathItem(id, kind, documentId, documentTitle, section, title, pin);
    }
}
