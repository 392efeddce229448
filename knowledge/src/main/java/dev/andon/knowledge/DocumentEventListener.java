package dev.andon.knowledge;

/**
 * Hears every committed change to the documents. Called on the writing thread, after the change is committed and
 * before the call that made it returns; a listener that throws is logged and does not undo the change.
 */
@FunctionalInterface
public interface DocumentEventListener {
    void onDocumentEvent(DocumentEvent event);
}
