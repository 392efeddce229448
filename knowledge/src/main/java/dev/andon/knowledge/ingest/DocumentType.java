package dev.andon.knowledge.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The controlled document types of the knowledge base, as written in front matter. */
public enum DocumentType {
    STANDARD("standard"),
    SOP("sop"),
    WORK_INSTRUCTION("work-instruction"),
    PLAYBOOK("playbook"),
    TRAINING_GUIDE("training-guide");

    private final String id;

    DocumentType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<DocumentType> fromId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(v)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DocumentType::id).toList();
    }
}
