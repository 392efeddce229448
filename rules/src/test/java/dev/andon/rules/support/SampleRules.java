package dev.andon.rules.support;

import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.engine.RuleBundle;
import dev.andon.rules.engine.RulesetCompiler;
import dev.andon.rules.governance.RulesFolder;

import java.nio.file.Path;

/** The real sample plant and its rules folder, compiled once per test JVM (a KieBase takes seconds to build). */
public final class SampleRules {
    public static final Path PLANT_FILE = Path.of("../sample-plant/plant.yaml");
    public static final Path RULES_DIR = Path.of("../sample-plant/rules");
    /** Shared by every test in the JVM: identical bundles are built once (a build takes a second or more). */
    public static final RulesetCompiler COMPILER = new RulesetCompiler();
    private static CompiledRuleset compiled;
    private static Plant plant;

    private SampleRules() {
    }

    public static synchronized Plant plant() {
        if (plant == null) {
            plant = new PlantLoader().load(PLANT_FILE);
        }
        return plant;
    }

    public static RuleBundle bundle() {
        return new RulesFolder(RULES_DIR).read();
    }

    public static synchronized CompiledRuleset compiled() {
        if (compiled == null) {
            compiled = COMPILER.compile("sample", bundle());
        }
        return compiled;
    }
}
