package dev.andon.assistant.answer;

import dev.andon.assistant.Citation;
import dev.andon.assistant.answer.PendingAction;
import dev.andon.assistant.intent.Intent;
import dev.andon.core.alert.AlertRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assembles a {@link Reply} line by line; a section cited twice is listed once. */
public final class ReplyDraft {
    private final Intent intent;
    private final StringBuilder text = new StringBuilder();
    private final List<Citation> citations = new ArrayList<>();
    private final Set<String> alertIds = new LinkedHashSet<>();
    private final Map<String, String> rulesets = new LinkedHashMap<>();
    private PendingAction pending;

    public ReplyDraft(Intent intent) {
        this.intent = intent;
    }

    public ReplyDraft line(String line) {
        text.append(line).append('\n');
        return this;
    }

    public ReplyDraft blank() {
        if (text.length() > 0 && !text.toString().endsWith("\n\n")) {
            text.append('\n');
        }
        return this;
    }

    public ReplyDraft cite(Citation c) {
        for (int i = 0; i < citations.size(); i++) {
            Citation existing = citations.get(i);
            if (existing.sameSource(c)) {
                // keep the fuller quote: a safety-critical section is quoted whole
                if (existing.quote() == null || (c.quote() != null && c.quote().length() > existing.quote().length())) {
                    citations.set(i, c);
                }
                return this;
            }
        }
        citations.add(c);
        return this;
    }

    public ReplyDraft alert(AlertRecord r) {
        alertIds.add(r.id());
        if (r.decision() != null && r.decision().rulesetVersion() != null) {
            rulesets.put(r.id(), r.decision().rulesetVersion());
        }
        return this;
    }

    public ReplyDraft pending(PendingAction p) {
        this.pending = p;
        return this;
    }

    public boolean hasCitations() {
        return !citations.isEmpty();
    }

    public Reply build() {
        return new Reply(intent, text.toString().strip(), citations, List.copyOf(alertIds), rulesets, pending);
    }
}
