package dev.andon.rules.engine.sandbox;

import dev.andon.rules.facts.DecisionDraft;
import dev.andon.rules.support.SampleRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list stays closed: whatever a rule can call on the fact model returns only allowed types or primitives,
 * and no allowed name is a java.lang class a rule could reach by its simple name.
 */
class FactModelTest {
    private static final Set<Class<?>> VALUES = Set.of(void.class, boolean.class, int.class, long.class, double.class,
            String.class, Object.class, Instant.class, List.class, Set.class, Map.class, Collection.class, String[].class);

    @Test
    void everyFactMemberARuleMayCallReturnsAnAllowedTypeOrAValue() {
        assertThat(FactModel.factMemberReturnTypes()).allSatisfy((member, type) -> {
            boolean fact = FactModel.FACT_TYPES.contains(type) || type == DecisionDraft.class;
            assertThat(fact || VALUES.contains(type)).as(member + " returns " + type.getName()).isTrue();
        });
    }

    @Test
    void noAllowedNameIsAJavaLangClassOutsideTheValueTypes() {
        for (String name : FactModel.allMembers()) {
            assertThat(javaLangClass(name)).as(name).isFalse();
        }
        for (String name : FactModel.typeNames()) {
            assertThat(!javaLangClass(name) || FactModel.JAVA_LANG_TYPES.contains(name)).as(name).isTrue();
        }
    }

    @Test
    void theDoorsAreNeverOnTheAllowList() {
        for (String door : List.of("getClass", "forName", "getClassLoader", "exec", "exit", "getRuntime", "setProperty",
                "getenv", "newInstance", "invoke", "start", "beginRule", "getFirings", "takeRunbookChanges", "repeat",
                "format", "stream", "forEach", "chars")) {
            assertThat(FactModel.isMember(door)).as(door).isFalse();
        }
    }

    @Test
    void theSamplePlantsRulesPassTheCheckUnchanged() {
        SampleRules.bundle().files().forEach((name, bytes) -> {
            if (name.endsWith(".drl")) {
                assertThat(DrlSafetyCheck.check(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))).as(name).isEmpty();
            }
        });
    }

    private static boolean javaLangClass(String name) {
        try {
            Class.forName("java.lang." + name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
