package dev.andon.rules.engine;

import dev.andon.rules.facts.DecisionDraft;
import dev.andon.rules.facts.Describable;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every rule that fires with the facts it matched (for the explanation), counts firings per rule (to name a
 * runaway rule) and tells the working memory when the routing changed the {@code Runbook} fact.
 */
final class FiringRecorder extends DefaultAgendaEventListener {
    private final DecisionDraft draft;
    private final KieSession session;
    private final FactHandle runbookHandle;
    private final Map<String, Integer> counts = new HashMap<>();

    FiringRecorder(DecisionDraft draft, KieSession session, FactHandle runbookHandle) {
        this.draft = draft;
        this.session = session;
        this.runbookHandle = runbookHandle;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        counts.merge(name, 1, Integer::sum);
        List<String> facts = new ArrayList<>();
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof Describable d) {
                facts.add(d.describe());
            }
        }
        draft.beginRule(name, facts);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        draft.endRule();
        String[] changed = draft.takeRunbookChanges();
        if (changed.length > 0) {
            session.update(runbookHandle, draft.getRunbook(), changed);
        }
    }

    /** The rule that fired most often, with its count, e.g. for "rule X fired 1000 times". */
    Map.Entry<String, Integer> mostFired() {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(Map.entry("(none)", 0));
    }
}
