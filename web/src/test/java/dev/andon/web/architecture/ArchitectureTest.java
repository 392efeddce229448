package dev.andon.web.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module map, enforced: web → assistant → {rules, knowledge} → core; connectors → core; and no package cycles
 * inside a module. MapDB stays inside core.
 */
class ArchitectureTest {
    static final JavaClasses ANDON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.andon");

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.andon.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.andon.rules..", "dev.andon.knowledge..",
                        "dev.andon.assistant..", "dev.andon.connectors..", "dev.andon.web..")
                .check(ANDON);
    }

    @Test
    void rulesAndKnowledgeSeeOnlyCoreAndNotEachOther() {
        noClasses().that().resideInAPackage("dev.andon.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.andon.knowledge..", "dev.andon.assistant..",
                        "dev.andon.connectors..", "dev.andon.web..")
                .check(ANDON);
        noClasses().that().resideInAPackage("dev.andon.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.andon.rules..", "dev.andon.assistant..",
                        "dev.andon.connectors..", "dev.andon.web..")
                .check(ANDON);
    }

    @Test
    void assistantAndConnectorsStayBelowWeb() {
        noClasses().that().resideInAPackage("dev.andon.assistant..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.andon.connectors..", "dev.andon.web..")
                .check(ANDON);
        noClasses().that().resideInAPackage("dev.andon.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.andon.rules..", "dev.andon.knowledge..",
                        "dev.andon.assistant..", "dev.andon.web..")
                .check(ANDON);
    }

    /**
     * Frozen: the rules and assistant stores written before this rule still take MapDB maps from AndonDatabase (the
     * known uses are listed in src/test/resources/archunit_store); no new use outside core passes, and each one moved
     * behind a core repository leaves the list.
     */
    @Test
    void mapDbTypesStayInsideCore() {
        FreezingArchRule.freeze(noClasses().that().resideOutsideOfPackage("dev.andon.core..")
                .should().dependOnClassesThat().resideInAPackage("org.mapdb.."))
                .check(ANDON);
    }

    @Test
    void packagesInsideAModuleHaveNoCycles() {
        slices().matching("dev.andon.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles().check(ANDON);
    }
}
