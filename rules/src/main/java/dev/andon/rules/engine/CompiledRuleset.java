package dev.andon.rules.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A ruleset version built into a KieBase; every evaluation takes a session from {@code sessions} and gives it back
 * reset (empty working memory), which spares rebuilding the node memories of every rule for every alert. The KieBase
 * may be shared with other versions of identical content; the {@link RulesetCompiler} that built it owns its lifetime.
 */
public record CompiledRuleset(String version, String hash, KieBase kieBase, int ruleCount, KieSessionsPool sessions) {

    /** The same KieBase under another version name (identical content, or a freshly stored upload). */
    public CompiledRuleset as(String otherVersion) {
        return new CompiledRuleset(otherVersion, hash, kieBase, ruleCount, sessions);
    }
}
