package dev.andon.knowledge;

import java.util.List;

/**
 * The commit point of a change to the documents: {@link #commit} makes the change final together with what it
 * records (the audit trail's records, in one durable write). Until it returns, the change's files can still be put
 * back; once it has returned, the change stays, even across a crash.
 */
public interface DocumentChangeLog {
    /** Makes change {@code changeId} final with its events; throws (and records nothing) when it cannot. */
    void commit(String changeId, List<DocumentEvent> events);

    /** Whether a change found staged after a crash had reached its commit. */
    boolean committed(String changeId);

    /** Drops the commit marks: called at open, once every staged change has been finished or put back. */
    void forgetCommitted();
}
