package dev.andon.knowledge;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.store.AndonDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Commits a change to the documents in the service's store: its audit records and the change's commit mark in one
 * write, so a document change and its audit record exist together or not at all (the files are put back at the next
 * start when the write never happened).
 */
public final class AuditedDocumentChanges implements DocumentChangeLog {
    private final AndonDatabase db;
    private final AuditTrail audit;
    private final Map<String, String> marks;

    public AuditedDocumentChanges(AndonDatabase db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
        this.marks = db.stringMap("document-changes-committed");
    }

    @Override
    public void commit(String changeId, List<DocumentEvent> events) {
        List<AuditTrail.Entry> entries = new ArrayList<>(events.size());
        for (DocumentEvent e : events) {
            entries.add(new AuditTrail.Entry(e.principal(), "document:" + e.kind().name().toLowerCase(Locale.ROOT),
                    e.documentId() + (e.version() == null ? "" : "@" + e.version()),
                    e.currentBefore() == null ? null : Map.of("current", e.currentBefore()),
                    e.currentAfter() == null ? Map.of("file", e.file())
                            : Map.of("current", e.currentAfter(), "file", e.file())));
        }
        db.write(() -> {
            audit.recordAll(entries);
            marks.put(changeId, "committed");
        });
    }

    @Override
    public boolean committed(String changeId) {
        return marks.containsKey(changeId);
    }

    @Override
    public void forgetCommitted() {
        if (!marks.isEmpty()) {
            db.write(marks::clear);
        }
    }
}
