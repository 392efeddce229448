package dev.andon.rules.decision;

import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.engine.RuleBundle;
import dev.andon.rules.support.SampleRules;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

final class TestBundles {
    private TestBundles() {
    }

    static CompiledRuleset compileSampleWith(String name, String drl) {
        Map<String, byte[]> files = new HashMap<>(SampleRules.bundle().files());
        files.put(name, drl.getBytes(StandardCharsets.UTF_8));
        return SampleRules.COMPILER.compile("test-" + name, new RuleBundle(files));
    }
}
