package dev.andon.rules.engine.sandbox;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.rules.engine.RuleBundle;
import dev.andon.rules.engine.RulesetCompiler;
import dev.andon.rules.facts.AlertFact;
import dev.andon.rules.facts.DecisionDraft;
import dev.andon.rules.support.DecisionTableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalogue of escape attempts an uploaded ruleset might make. Each is refused by the sandbox gate before
 * anything is compiled or run, with the file and line of the offending code — and each payload is one that would be
 * seen if it ran: a file appears, a static flag or a system property is set, a socket connects, the JVM exits or
 * hangs. {@link #theFileWritePayloadIsLiveWithoutTheGate} shows such a payload really runs when the gate is bypassed.
 */
class EscapeCatalogueTest {
    static final String PROPERTY = "andon.escaped";
    static final String TRIPWIRE = Tripwire.class.getName();

    @TempDir
    static Path dir;
    static Path marker;
    static ServerSocketChannel listener;
    static int port;
    final RulesetCompiler compiler = new RulesetCompiler();

    @BeforeAll
    static void arm() throws IOException {
        marker = dir.resolve("escaped.txt");
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        listener.configureBlocking(false);
        port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @AfterAll
    static void disarm() throws IOException {
        listener.close();
    }

    @AfterEach
    void close() {
        compiler.close();
    }

    /** One attempt: a file name, its text, and the line the refusal must name. */
    record Attempt(String name, String file, String text, int line) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A complete, otherwise valid ruleset whose one rule does {@code action} for every alert. */
    static String ruleDoing(String action) {
        return """
                package plant.attack;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                rule "attack"
                when
                    $a : AlertFact()
                then
                    %s
                    decision.runbook("general");
                    decision.owner("team-leader");
                end
                """.formatted(action);
    }

    static String ruleWhen(String condition) {
        return """
                package plant.attack;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                rule "attack"
                when
                    %s
                then
                    decision.runbook("general");
                end
                """.formatted(condition);
    }

    static String withHeader(String header, String action) {
        return """
                package plant.attack;
                import dev.andon.rules.facts.*;
                global DecisionDraft decision;
                %s
                rule "attack"
                when
                    $a : AlertFact()
                then
                    %s
                end
                """.formatted(header, action);
    }

    static String m() {
        return marker.toString();
    }

    static Stream<Attempt> attempts() {
        String setProperty = "System.setProperty(\"" + PROPERTY + "\", \"yes\");";
        return Stream.of(
                new Attempt("file write, fully qualified", "attack.drl", ruleDoing(
                        "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + m() + "\"), \"pwned\");"), 8),
                new Attempt("file write, imported", "attack.drl", withHeader("import java.nio.file.Files;\nimport java.nio.file.Path;",
                        "Files.writeString(Path.of(\"" + m() + "\"), \"pwned\");"), 4),
                new Attempt("file write, java.util wildcard import", "attack.drl", withHeader("import java.util.*;",
                        "new Scanner(\"" + m() + "\");"), 4),
                new Attempt("file write, java.io", "attack.drl", ruleDoing(
                        "new java.io.FileWriter(\"" + m() + "\").close();"), 8),
                new Attempt("process start", "attack.drl", ruleDoing(
                        "new ProcessBuilder(\"touch\", \"" + m() + "\").start();"), 8),
                new Attempt("Runtime.exec", "attack.drl", ruleDoing(
                        "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + m() + "\"});"), 8),
                new Attempt("reflection via Class.forName", "attack.drl", ruleDoing(
                        "Class.forName(\"" + TRIPWIRE + "\").getField(\"tripped\").setBoolean(null, true);"), 8),
                new Attempt("reflection via getClass", "attack.drl", ruleDoing(
                        "$a.getClass().getClassLoader().loadClass(\"" + TRIPWIRE + "\").getField(\"tripped\").setBoolean(null, true);"), 8),
                new Attempt("class loading via the thread's loader", "attack.drl", ruleDoing(
                        "Thread.currentThread().getContextClassLoader().loadClass(\"" + TRIPWIRE + "\");"), 8),
                new Attempt("static field of another class", "attack.drl", ruleDoing(
                        TRIPWIRE + ".tripped = true;"), 8),
                new Attempt("socket", "attack.drl", ruleDoing(
                        "new java.net.Socket(\"127.0.0.1\", " + port + ").close();"), 8),
                new Attempt("thread start", "attack.drl", ruleDoing(
                        "new Thread(() -> " + TRIPWIRE + ".tripped = true).start();"), 8),
                new Attempt("system property", "attack.drl", ruleDoing(setProperty), 8),
                new Attempt("System.exit", "attack.drl", ruleDoing("System.exit(3);"), 8),
                new Attempt("engine internals (drools)", "attack.drl", ruleDoing(
                        "drools.getKieRuntime().getKieBase().getKiePackages();"), 8),
                new Attempt("engine side of the decision API", "attack.drl", ruleDoing(
                        "decision.beginRule(\"forged\", null);"), 8),
                new Attempt("infinite loop", "attack.drl", ruleDoing("while (true) { decision.flag(\"x\"); }"), 8),
                new Attempt("loop in a for", "attack.drl", ruleDoing("for (int $i = 0; ; ) { }"), 8),
                new Attempt("memory bomb: array", "attack.drl", ruleDoing("long[] $big = new long[Integer.MAX_VALUE - 8];"), 8),
                new Attempt("memory bomb: String.repeat", "attack.drl", ruleDoing(
                        "decision.because(\"x\".repeat(Integer.MAX_VALUE - 8));"), 8),
                new Attempt("unicode escape ends a comment", "attack.drl", ruleDoing(
                        "// harmless \\u000a java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + m() + "\"), \"x\");"), 8),
                new Attempt("unicode escape spells a name", "attack.drl", ruleDoing(
                        "\\u0053ystem.setProperty(\"" + PROPERTY + "\", \"yes\");"), 8),
                new Attempt("unicode escape for a parenthesis", "attack.drl", ruleDoing(
                        "System.setProperty\\u0028\"" + PROPERTY + "\", \"yes\");"), 8),
                new Attempt("invisible character inside a name", "attack.drl", ruleDoing(
                        "Sys\u200btem.setProperty(\"" + PROPERTY + "\", \"yes\");"), 8),
                new Attempt("comment inside a qualified name", "attack.drl", ruleDoing(
                        "java/* */.lang.System.setProperty(\"" + PROPERTY + "\", \"yes\");"), 8),
                new Attempt("code after a // inside a string", "attack.drl", ruleDoing(
                        "decision.because(\"see http://example\"); " + setProperty), 8),
                new Attempt("code between /* and */ inside strings", "attack.drl", ruleDoing(
                        "decision.because(\"/*\"); " + setProperty + " decision.because(\"*/\");"), 8),
                new Attempt("text block", "attack.drl", ruleDoing(
                        "decision.because(\"\"\"\n  x\"); " + setProperty + " //\"\"\");"), 8),
                new Attempt("backquoted name", "attack.drl", ruleDoing("`System`.setProperty(\"" + PROPERTY + "\", \"yes\");"), 8),
                new Attempt("static import", "attack.drl", withHeader("import static java.lang.System.setProperty;",
                        "setProperty(\"" + PROPERTY + "\", \"yes\");"), 4),
                new Attempt("function block", "attack.drl", withHeader(
                        "function void pwn() { " + setProperty + " }", "pwn();"), 4),
                new Attempt("import function", "attack.drl", withHeader("import function java.lang.System.exit;", "exit(3);"), 4),
                new Attempt("global of another type", "attack.drl", withHeader("global java.lang.Runtime runtime;",
                        "runtime.exit(3);"), 4),
                new Attempt("declare", "attack.drl", withHeader("declare Evil\n  path : java.io.File\nend",
                        "decision.flag(\"x\");"), 4),
                new Attempt("query", "attack.drl", withHeader("query \"everything\"\n  $a : AlertFact()\nend",
                        "decision.flag(\"x\");"), 4),
                new Attempt("MVEL dialect", "attack.drl", withHeader("dialect \"mvel\"", "decision.flag(\"x\");"), 4),
                new Attempt("condition calls a static method", "attack.drl", ruleWhen(
                        "$a : AlertFact(source != System.setProperty(\"" + PROPERTY + "\", \"yes\"))"), 6),
                new Attempt("eval in the condition", "attack.drl", ruleWhen(
                        "eval(System.setProperty(\"" + PROPERTY + "\", \"yes\") == null)"), 6),
                new Attempt("condition reaches a class through a property", "attack.drl", ruleWhen(
                        "$a : AlertFact(payload.class.forName(\"" + TRIPWIRE + "\") != null)"), 6),
                new Attempt("from with a fully qualified call", "attack.drl", ruleWhen(
                        "$s : String() from java.lang.System.getenv().keySet()"), 6),
                new Attempt("inline cast", "attack.drl", ruleWhen("$a : AlertFact($p : payload#java.io.File)"), 6),
                new Attempt("salience expression", "attack.drl", """
                        package plant.attack;
                        import dev.andon.rules.facts.*;
                        global DecisionDraft decision;
                        rule "attack"
                            salience (System.setProperty("andon.escaped", "yes").length())
                        when
                            AlertFact()
                        then
                            decision.flag("x");
                        end
                        """, 5),
                new Attempt("rule metadata (evaluated when compiled)", "attack.drl", """
                        package plant.attack;
                        import dev.andon.rules.facts.*;
                        global DecisionDraft decision;
                        rule "attack"
                            @meta(java.lang.System.setProperty("andon.escaped", "yes"))
                        when
                            AlertFact()
                        then
                            decision.flag("x");
                        end
                        """, 5),
                new Attempt("timer", "attack.drl", """
                        package plant.attack;
                        import dev.andon.rules.facts.*;
                        global DecisionDraft decision;
                        rule "attack"
                            timer (int: 0s 1s)
                        when
                            AlertFact()
                        then
                            decision.flag("x");
                        end
                        """, 5),
                new Attempt("number running into a name", "attack.drl", ruleDoing(
                        "decision.because(\"\" + 1System.getenv());"), 8),
                new Attempt("variable Drools generates (a fact handle)", "attack.drl", ruleDoing(
                        "decision.because(\"\" + $a__Handle__.getObject());"), 8),
                new Attempt("lambda", "attack.drl", ruleDoing("Runnable $r = () -> {};"), 8),
                new Attempt("anonymous subclass of a fact", "attack.drl", ruleDoing(
                        "insert(new Procedure(\"r\", \"d\") { });"), 8),
                new Attempt("class in a JDK package", "attack.drl", ruleDoing("decision.flag(\"x\");")
                        .replace("package plant.attack;", "package java.lang;"), 1),
                new Attempt("class in the fact package", "attack.drl", ruleDoing("decision.flag(\"x\");")
                        .replace("package plant.attack;", "package dev.andon.rules.facts;"), 1),
                new Attempt("decision table action", "attack.csv", """
                        RuleSet,plant.attack.table
                        Import,dev.andon.rules.facts.*
                        Variables,dev.andon.rules.facts.DecisionDraft decision
                        ,
                        RuleTable Attack
                        CONDITION,ACTION
                        $a : AlertFact,
                        ~type == ~~$param~~~,~java.nio.file.Files.writeString(java.nio.file.Path.of(~~$param~~), ~~x~~);~
                        Type,Path
                        vibration-anomaly,%s
                        """.formatted(m()).replace('~', '"'), 10),
                new Attempt("decision table import", "attack.csv", """
                        RuleSet,plant.attack.table
                        Import,~dev.andon.rules.facts.*, java.nio.file.Files~
                        Variables,dev.andon.rules.facts.DecisionDraft decision
                        ,
                        RuleTable Attack
                        CONDITION,ACTION
                        $a : AlertFact,
                        ~type == ~~$param~~~,~decision.flag(~~$param~~);~
                        Type,Flag
                        vibration-anomaly,x
                        """.replace('~', '"'), 2),
                new Attempt("decision table function", "attack.csv", """
                        RuleSet,plant.attack.table
                        Import,dev.andon.rules.facts.*
                        Variables,dev.andon.rules.facts.DecisionDraft decision
                        Functions,~function void pwn() { System.exit(3); }~
                        ,
                        RuleTable Attack
                        CONDITION,ACTION
                        $a : AlertFact,
                        ~type == ~~$param~~~,~pwn();~
                        Type,Flag
                        vibration-anomaly,x
                        """.replace('~', '"'), 4),
                new Attempt("decision table workbook", "attack.xlsx", """
                        RuleSet,plant.attack.table
                        Import,dev.andon.rules.facts.*
                        Variables,dev.andon.rules.facts.DecisionDraft decision
                        ,
                        RuleTable Attack
                        CONDITION,ACTION
                        $a : AlertFact,
                        ~type == ~~$param~~~,~System.setProperty(~~andon.escaped~~, ~~$param~~);~
                        Type,Value
                        vibration-anomaly,yes
                        """.replace('~', '"'), 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void everyEscapeAttemptIsRefusedBeforeAnythingRunsNamingFileAndLine(Attempt attempt) throws IOException {
        byte[] bytes = attempt.file().endsWith(".xlsx") ? DecisionTableWorkbook.fromCsv(attempt.text())
                : attempt.text().getBytes(StandardCharsets.UTF_8);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> compiler.compile("attack", new RuleBundle(Map.of(attempt.file(), bytes))));

        assertThat(refused).as("refused").isNotNull();
        List<Problem> problems = refused.problems();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.field()).startsWith(attempt.file() + ":"));
        if (attempt.line() > 0) {
            assertThat(problems.get(0).field()).isEqualTo(attempt.file() + ":" + attempt.line());
        }
        nothingEscaped();
    }

    private static void nothingEscaped() throws IOException {
        assertThat(marker).doesNotExist();
        assertThat(Tripwire.tripped).isFalse();
        assertThat(System.getProperty(PROPERTY)).isNull();
        assertThat(listener.accept()).as("a connection to the test's socket").isNull();
    }

    /**
     * The payloads are real: compiled straight with Drools, without the gate, the file-write rule writes the file the
     * moment it fires (the finding this catalogue answers).
     */
    @Test
    void theFileWritePayloadIsLiveWithoutTheGate() {
        Path live = dir.resolve("live.txt");
        String drl = ruleDoing("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + live + "\"), \"pwned\");")
                .replace("decision.runbook(\"general\");", "")
                .replace("decision.owner(\"team-leader\");", "")
                .replace("throws", "");
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId id = kie.newReleaseId("dev.andon.test", "ungated", "1.0.0");
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/plant/attack/attack.drl", drl.replace(
                "java.nio.file.Files.writeString", "try { java.nio.file.Files.writeString").replace(
                "\"pwned\");", "\"pwned\"); } catch (java.io.IOException e) { throw new RuntimeException(e); }"));
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        KieContainer container = kie.newKieContainer(id);
        try {
            KieSession session = container.newKieSession();
            session.setGlobal("decision", new DecisionDraft());
            session.insert(new AlertFact("A-1", "m", "1", "L1", "s", "vibration-anomaly", "Vibration", "mechanical",
                    "high", 0.9, Instant.parse("2026-01-01T00:00:00Z"), 1, false, Map.of()));
            session.fireAllRules();
            session.dispose();
        } finally {
            container.dispose();
            kie.getRepository().removeKieModule(id);
        }
        assertThat(live).hasContent("pwned");
    }
}
