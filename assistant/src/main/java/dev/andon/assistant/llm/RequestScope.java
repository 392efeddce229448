package dev.andon.assistant.llm;

import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.Citation;
import dev.andon.assistant.answer.Reply;
import dev.andon.assistant.answer.PendingAction;
import dev.andon.assistant.intent.Recognition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One LLM turn: the authenticated request (who asks, in which role and line — the only basis for permissions), what
 * the user's own message asks for, and what the tools and the retriever produced (citations, alerts, a pending
 * confirmation). Tools may run on the model client's threads, hence the synchronisation.
 */
public final class RequestScope {
    private final ChatRequest request;
    private final Recognition userIntent;
    private final List<Citation> fromTools = new ArrayList<>();
    private final List<Citation> fromRetriever = new ArrayList<>();
    private final Set<String> alertIds = new LinkedHashSet<>();
    private final Map<String, String> rulesets = new LinkedHashMap<>();
    private final List<String> toolsCalled = new ArrayList<>();
    private PendingAction pending;
    private boolean closed;

    public RequestScope(ChatRequest request, Recognition userIntent) {
        this.request = request;
        this.userIntent = userIntent;
    }

    public ChatRequest request() {
        return request;
    }

    public Recognition userIntent() {
        return userIntent;
    }

    /** After a timeout or failure the turn is over: tools still running for it must not act. */
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized void toolCalled(String name) {
        toolsCalled.add(name);
    }

    public synchronized List<String> toolsCalled() {
        return List.copyOf(toolsCalled);
    }

    /** Takes over the citations, alerts and ruleset versions of a tool's result. */
    public synchronized void absorb(Reply reply) {
        reply.citations().forEach(c -> add(fromTools, c));
        alertIds.addAll(reply.alertIds());
        rulesets.putAll(reply.rulesetVersions());
    }

    public synchronized void retrieved(Citation c) {
        add(fromRetriever, c);
    }

    public synchronized void pending(PendingAction p) {
        if (!closed) {
            this.pending = p;
        }
    }

    public synchronized PendingAction pending() {
        return pending;
    }

    public synchronized List<Citation> toolCitations() {
        return List.copyOf(fromTools);
    }

    public synchronized List<Citation> retrievedCitations() {
        return List.copyOf(fromRetriever);
    }

    /** Tool citations first, then retrieved sections not already cited. */
    public synchronized List<Citation> citations() {
        List<Citation> all = new ArrayList<>(fromTools);
        fromRetriever.forEach(c -> add(all, c));
        return all;
    }

    public synchronized List<String> alertIds() {
        return List.copyOf(alertIds);
    }

    public synchronized Map<String, String> rulesetVersions() {
        return Map.copyOf(rulesets);
    }

    private static void add(List<Citation> list, Citation c) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).sameSource(c)) {
                if (c.safetyCritical() && !list.get(i).safetyCritical()) {
                    list.set(i, c);
                }
                return;
            }
        }
        list.add(c);
    }
}
