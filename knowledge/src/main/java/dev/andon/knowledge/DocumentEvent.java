package dev.andon.knowledge;

import dev.andon.core.identity.Principal;

import java.time.Instant;

/**
 * One change to the document catalogue, published by the knowledge base after it is committed: what happened to which
 * document version, who did it, and which version was current before and after (null when none). The audit trail and
 * the UI listen to these; the knowledge base publishes each fact once.
 *
 * @param version the version concerned (null for a deletion of every version)
 * @param actor   the acting principal's id ({@code system:folder} for files placed in the documents folder)
 * @param principal the acting principal itself (with its request id), {@code Principal.system("folder")} for the folder
 */
public record DocumentEvent(Kind kind, String documentId, String version, String actor, Instant at,
                            String currentBefore, String currentAfter, String file, Principal principal) {
    public enum Kind {
        /** A version went live on upload or import (uncontrolled document, or through the folder). */
        UPLOADED,
        /** A new version of a controlled document waits for approval. */
        DRAFT_SUBMITTED,
        /** A draft was approved by someone with the owner role: the version is now kept and, if highest, current. */
        APPROVED,
        /** A draft (or a requested deletion) was turned down or withdrawn. */
        REJECTED,
        /** Deletion of a controlled document (or one of its versions) waits for approval. */
        DELETION_REQUESTED,
        /** A document (or one version) was deleted: directly if uncontrolled, on approval if controlled. */
        DELETED
    }
}
