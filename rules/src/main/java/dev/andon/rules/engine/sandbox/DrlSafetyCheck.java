package dev.andon.rules.engine.sandbox;

import dev.andon.rules.engine.sandbox.DrlTokens.Kind;
import dev.andon.rules.engine.sandbox.DrlTokens.Token;
import dev.andon.rules.facts.DecisionDraft;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gate every DRL file (and the DRL generated from every decision table) passes before Drools compiles it: a rule
 * may match facts of the fact model, bind them to {@code $variables}, compare, compute with the allowed value types,
 * insert/modify/delete facts and call the {@code decision} API. Nothing else: no imports outside the fact model, no
 * {@code function}, {@code query}, {@code declare}, no globals but {@code decision}, no annotations, timers or dynamic
 * attributes, and in conditions and actions only names from the allow-list ({@link FactModel}) — so no I/O, process,
 * reflection, class loading, thread, network or system call can be written, however it is spelled.
 *
 * <p>Two independent readings must agree: this class's own token scan (which fails closed on anything ambiguous) and
 * Drools' DRL parser (whose package description is what the compiler builds). A file the two read differently is
 * refused. Nothing here compiles, loads or runs anything.
 */
public final class DrlSafetyCheck {

    /** A refusal at a 1-based line of the checked text. */
    public record Violation(int line, String message) {
    }

    private static final Set<String> COMMON_WORDS = Set.of("true", "false", "null", "instanceof", "and", "or", "not",
            "in", "decision");
    private static final Set<String> CONDITION_WORDS = Set.of("exists", "forall", "from", "collect", "accumulate",
            "matches", "memberOf", "excludes", "soundslike", "str", "this", "count", "sum", "average", "collectList",
            "collectSet");
    private static final Set<String> ACTION_WORDS = Set.of("insert", "insertLogical", "update", "modify", "retract",
            "delete", "if", "else", "return", "int", "long", "double", "boolean", "final");
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "salience", "number", "agenda-group", "string", "activation-group", "string", "ruleflow-group", "string",
            "no-loop", "flag", "lock-on-active", "flag", "auto-focus", "flag", "enabled", "flag", "dialect", "java",
            "date-effective", "string");
    private static final Map<String, String> WHY_NOT = Map.ofEntries(
            Map.entry("function", "'function' blocks are not allowed: rules call the decision API, not own Java code"),
            Map.entry("query", "'query' blocks are not allowed: nothing in Andon reads query results"),
            Map.entry("declare", "'declare' is not allowed: rules use the facts of dev.andon.rules.facts, not new types"),
            Map.entry("eval", "'eval' is not allowed: write the test as a constraint of a pattern"),
            Map.entry("while", "loops are not allowed in rules"), Map.entry("for", "loops are not allowed in rules"),
            Map.entry("do", "loops and named consequences are not allowed in rules"),
            Map.entry("import", "'import' is only allowed at the top of a file, for the fact model"),
            Map.entry("try", "exception handling is not allowed in rules"),
            Map.entry("catch", "exception handling is not allowed in rules"),
            Map.entry("throw", "exception handling is not allowed in rules"),
            Map.entry("synchronized", "'synchronized' is not allowed in rules"),
            Map.entry("over", "sliding windows are not allowed"), Map.entry("window", "sliding windows are not allowed"),
            Map.entry("entry", "entry points are not allowed"), Map.entry("timer", "timers are not allowed"),
            Map.entry("init", "accumulate with own code (init/action/result) is not allowed: use count, sum, min, max, "
                    + "average, collectList or collectSet"),
            Map.entry("global", "the only global is 'decision'"));

    private final List<Violation> violations = new ArrayList<>();
    private final List<String> imports = new ArrayList<>();
    private final List<String> globals = new ArrayList<>();
    private int rules;

    private DrlSafetyCheck() {
    }

    /** Every reason to refuse {@code drl}; empty when it may be compiled. */
    public static List<Violation> check(String drl) {
        DrlSafetyCheck check = new DrlSafetyCheck();
        DrlTokens.Result tokens = DrlTokens.tokenize(drl);
        if (!tokens.ok()) {
            return List.of(new Violation(tokens.errorLine(), tokens.error()));
        }
        check.scan(tokens.tokens());
        if (check.violations.isEmpty()) {
            check.crossCheck(drl);
        }
        return List.copyOf(check.violations);
    }

    // ------------------------------------------------------------------ own reading: the top level of a file

    private void scan(List<Token> t) {
        int i = 0;
        while (i < t.size() && violations.isEmpty()) {
            Token tok = t.get(i);
            if (tok.is(";")) {
                i++;
            } else if (tok.is("package")) {
                i = packageLine(t, i + 1);
            } else if (tok.is("import")) {
                i = importLine(t, i + 1);
            } else if (tok.is("global")) {
                i = globalLine(t, i + 1);
            } else if (tok.is("rule")) {
                i = rule(t, i + 1);
            } else if (tok.kind() == Kind.IDENT && ATTRIBUTE_STARTS.contains(tok.text())) {
                i = attribute(t, i);
            } else {
                refuse(tok, WHY_NOT.getOrDefault(tok.text(), "'" + tok.text() + "' is not allowed here: a file holds "
                        + "package, import, global and rule ... end only"));
            }
        }
    }

    private static final Set<String> ATTRIBUTE_STARTS = Set.of("salience", "agenda", "activation", "ruleflow", "no",
            "lock", "auto", "enabled", "dialect", "date", "timer", "calendars", "duration", "refract", "direct");

    /** Packages of the JDK, Drools, MVEL and Andon's own code: generated rule classes must not join them. */
    private static final Set<String> RESERVED_PACKAGES = Set.of("java", "javax", "jdk", "sun", "com.sun", "org.drools",
            "org.kie", "org.mvel2", "dev.andon.core", "dev.andon.knowledge", "dev.andon.assistant",
            "dev.andon.connectors", "dev.andon.web");
    private static final Set<String> RULES_CODE_PACKAGES = Set.of("decision", "engine", "escalation", "facts",
            "governance", "heartbeat", "intake", "lifecycle", "silence");

    private static String reservedRoot(String pkg) {
        for (String reserved : RESERVED_PACKAGES) {
            if (pkg.equals(reserved) || pkg.startsWith(reserved + ".")) {
                return reserved;
            }
        }
        if (pkg.equals("dev.andon") || pkg.equals("dev.andon.rules")) {
            return pkg;
        }
        if (pkg.startsWith("dev.andon.rules.")) {
            String segment = pkg.substring("dev.andon.rules.".length()).split("\\.")[0];
            return RULES_CODE_PACKAGES.contains(segment) ? "dev.andon.rules." + segment : null;
        }
        return pkg.startsWith("dev.andon.") && !pkg.startsWith("dev.andon.rules.") ? "dev.andon" : null;
    }

    private int packageLine(List<Token> t, int i) {
        QualifiedName q = qualifiedName(t, i, false);
        if (q == null) {
            refuse(t.get(Math.min(i, t.size() - 1)), "'package' needs a name");
            return t.size();
        }
        String reserved = reservedRoot(q.name);
        if (reserved != null) {
            refuse(t.get(i), "package '" + q.name + "' is reserved (" + reserved + "): give the rules a package of "
                    + "their own, e.g. plant.rules");
        }
        return q.end;
    }

    private int importLine(List<Token> t, int i) {
        if (i < t.size() && (t.get(i).is("static") || t.get(i).is("function") || t.get(i).is("accumulate"))) {
            refuse(t.get(i), "'import " + t.get(i).text() + "' is not allowed: import fact types of "
                    + FactModel.FACTS_PACKAGE + " only");
            return t.size();
        }
        QualifiedName q = qualifiedName(t, i, true);
        if (q == null) {
            refuse(t.get(Math.min(i, t.size() - 1)), "'import' needs a type name");
            return t.size();
        }
        if (!FactModel.isAllowedImport(q.name)) {
            refuse(t.get(i), "import of '" + q.name + "' is not allowed: rules may import " + FactModel.FACTS_PACKAGE
                    + ".* (or one of its types) and java.util." + String.join("/", new TreeSet<>(FactModel.JAVA_UTIL_TYPES)));
        }
        imports.add(q.name);
        return q.end;
    }

    private int globalLine(List<Token> t, int i) {
        QualifiedName type = qualifiedName(t, i, false);
        if (type == null || type.end >= t.size() || t.get(type.end).kind() != Kind.IDENT) {
            refuse(t.get(Math.min(i, t.size() - 1)), "'global' needs a type and a name");
            return t.size();
        }
        Token name = t.get(type.end);
        boolean decisionType = type.name.equals(DecisionDraft.class.getSimpleName())
                || type.name.equals(DecisionDraft.class.getName());
        if (!decisionType || !name.text().equals("decision")) {
            refuse(name, "the only global a ruleset may declare is 'global DecisionDraft decision;', not '"
                    + type.name + " " + name.text() + "'");
        }
        globals.add(name.text());
        return type.end + 1;
    }

    private int rule(List<Token> t, int i) {
        rules++;
        if (i >= t.size() || (t.get(i).kind() != Kind.STRING && t.get(i).kind() != Kind.IDENT)) {
            refuse(t.get(Math.min(i, t.size() - 1)), "a rule needs a name");
            return t.size();
        }
        Token start = t.get(i - 1);
        i++;
        if (i < t.size() && t.get(i).is("extends")) {
            i += 2;
        }
        while (i < t.size() && !t.get(i).is("when") && !t.get(i).is("then")) {
            if (t.get(i).is(",")) {
                i++;
                continue;
            }
            int next = attribute(t, i);
            if (!violations.isEmpty()) {
                return t.size();
            }
            i = next;
        }
        if (i < t.size() && t.get(i).is("when")) {
            i++;
            if (i < t.size() && t.get(i).is(":")) {
                i++;
            }
            int then = i;
            while (then < t.size() && !t.get(then).is("then")) {
                then++;
            }
            body(t, i, then, true);
            i = then;
        }
        if (i >= t.size()) {
            refuse(start, "rule has no 'then'");
            return t.size();
        }
        i++;
        if (i < t.size() && t.get(i).is("[")) {
            refuse(t.get(i), "named consequences (then[...]) are not allowed");
            return t.size();
        }
        int end = i;
        while (end < t.size() && !t.get(end).is("end")) {
            end++;
        }
        if (end >= t.size()) {
            refuse(start, "rule is not closed with 'end'");
            return t.size();
        }
        body(t, i, end, false);
        return end + 1;
    }

    /** A rule (or package) attribute: only the static ones, with literal values. */
    private int attribute(List<Token> t, int i) {
        Token first = t.get(i);
        StringBuilder name = new StringBuilder(first.text());
        int k = i + 1;
        while (k + 1 < t.size() && t.get(k).is("-") && t.get(k + 1).kind() == Kind.IDENT
                && t.get(k).start() == t.get(k - 1).start() + t.get(k - 1).text().length()) {
            name.append('-').append(t.get(k + 1).text());
            k += 2;
        }
        String kind = ATTRIBUTES.get(name.toString());
        if (kind == null) {
            refuse(first, WHY_NOT.getOrDefault(name.toString(), "rule attribute '" + name + "' is not allowed (allowed: "
                    + String.join(", ", new TreeSet<>(ATTRIBUTES.keySet())) + ")"));
            return t.size();
        }
        Token value = k < t.size() ? t.get(k) : null;
        switch (kind) {
            case "number" -> {
                if (value != null && value.is("-")) {
                    k++;
                    value = k < t.size() ? t.get(k) : null;
                }
                if (value == null || value.kind() != Kind.NUMBER) {
                    refuse(first, name + " must be a whole number (no expressions)");
                    return t.size();
                }
                return k + 1;
            }
            case "string" -> {
                if (value == null || value.kind() != Kind.STRING) {
                    refuse(first, name + " needs a quoted name");
                    return t.size();
                }
                return k + 1;
            }
            case "java" -> {
                if (value == null || value.kind() != Kind.STRING || !value.text().equals("java")) {
                    refuse(first, "only dialect \"java\" is allowed (MVEL actions can do more than a rule may)");
                    return t.size();
                }
                return k + 1;
            }
            default -> {
                return value != null && (value.is("true") || value.is("false")) ? k + 1 : k;
            }
        }
    }

    // ------------------------------------------------------------------ conditions and actions

    private void body(List<Token> t, int from, int to, boolean condition) {
        for (int i = from; i < to; i++) {
            Token tok = t.get(i);
            if (tok.kind() == Kind.PUNCT) {
                Token next = i + 1 < to ? t.get(i + 1) : null;
                boolean adjacent = next != null && next.start() == tok.start() + 1;
                if (tok.is("-") && adjacent && next.is(">")) {
                    refuse(tok, "lambdas (->) are not allowed");
                } else if (tok.is(":") && adjacent && next.is(":")) {
                    refuse(tok, "method references (::) are not allowed");
                }
                continue;
            }
            if (tok.kind() != Kind.IDENT) {
                continue;
            }
            String name = tok.text();
            boolean member = i > from && t.get(i - 1).is(".");
            int qualified = member ? -1 : factsTypeAt(t, i, to);
            if (qualified >= 0) {
                i = qualified;
                continue;
            }
            if (FactModel.NEVER.contains(name)) {
                refuse(tok, "'" + name + "' is never allowed in rules: a rule cannot reach classes, processes, files, "
                        + "threads or the engine itself");
            } else if (member) {
                if (!FactModel.isMember(name)) {
                    refuse(tok, "'." + name + "' is not part of the fact model, the decision API or the allowed value "
                            + "methods (see docs/rules.md)");
                }
            } else if (name.equals("new")) {
                i = construction(t, i, to);
            } else if (!allowedWord(name, condition)) {
                refuse(tok, WHY_NOT.getOrDefault(name, "'" + name + "' is not allowed here: rules may name fact types ("
                        + String.join(", ", FactModel.typeNames()) + "), their properties, $variables and decision"));
            }
        }
    }

    private static boolean allowedWord(String name, boolean condition) {
        // "$a__Handle__" and the like are variables Drools generates next to the bindings: not the rule's to use.
        return (name.startsWith("$") && !name.contains("__")) || COMMON_WORDS.contains(name)
                || (condition ? CONDITION_WORDS : ACTION_WORDS).contains(name)
                || FactModel.isType(name) || FactModel.isMember(name);
    }

    /** {@code new} creates fact types only, without a body: no arrays, no anonymous subclasses, no other classes. */
    private int construction(List<Token> t, int i, int to) {
        int k = i + 1;
        int qualified = factsTypeAt(t, k, to);
        if (qualified >= 0) {
            k = qualified;
        }
        Token type = k < to ? t.get(k) : t.get(i);
        if (type.kind() != Kind.IDENT || !FactModel.isFactType(type.text()) || k + 1 >= to || !t.get(k + 1).is("(")) {
            refuse(type, "'new' may only create fact types (e.g. new Procedure(\"runbook\", \"SOP-1\")), not '"
                    + type.text() + "'");
            return to;
        }
        int depth = 0;
        int j = k + 1;
        for (; j < to; j++) {
            if (t.get(j).is("(")) {
                depth++;
            } else if (t.get(j).is(")") && --depth == 0) {
                break;
            }
        }
        if (j + 1 < to && t.get(j + 1).is("{")) {
            refuse(t.get(j + 1), "anonymous subclasses (new " + type.text() + "(...) { ... }) are not allowed");
        }
        return k;
    }

    /** At {@code dev.andon.rules.facts.Type}: the index of Type's token (an allowed type), else -1. */
    private static int factsTypeAt(List<Token> t, int i, int to) {
        String[] parts = FactModel.FACTS_PACKAGE.split("\\.");
        int k = i;
        for (String part : parts) {
            if (k + 1 >= to || !t.get(k).is(part) || !t.get(k + 1).is(".")) {
                return -1;
            }
            k += 2;
        }
        if (k < to && t.get(k).kind() == Kind.IDENT && FactModel.isType(t.get(k).text())) {
            return k;
        }
        return -1;
    }

    private record QualifiedName(String name, int end) {
    }

    private static QualifiedName qualifiedName(List<Token> t, int i, boolean star) {
        if (i >= t.size() || t.get(i).kind() != Kind.IDENT) {
            return null;
        }
        StringBuilder sb = new StringBuilder(t.get(i).text());
        int k = i + 1;
        while (k + 1 < t.size() && t.get(k).is(".")) {
            Token next = t.get(k + 1);
            if (next.kind() == Kind.IDENT) {
                sb.append('.').append(next.text());
            } else if (star && next.is("*")) {
                sb.append(".*");
                k += 2;
                break;
            } else {
                break;
            }
            k += 2;
        }
        return new QualifiedName(sb.toString(), k);
    }

    /** One refusal per line is enough to find it; the rest of a bad line would only repeat it. */
    private void refuse(Token at, String message) {
        if (violations.isEmpty() || violations.get(violations.size() - 1).line() != at.line()) {
            violations.add(new Violation(at.line(), message));
        }
    }

    // ------------------------------------------------------------------ Drools' reading must agree

    private void crossCheck(String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            violations.add(new Violation(1, "cannot be parsed: " + e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError e : parser.getErrors()) {
                int[] lines = e.getLines();
                violations.add(new Violation(lines != null && lines.length > 0 ? Math.max(lines[0], 1) : 1,
                        e.getMessage() == null ? "syntax error" : e.getMessage().replace('\n', ' ')));
            }
            if (violations.isEmpty()) {
                violations.add(new Violation(1, "cannot be parsed"));
            }
            return;
        }
        disagree(!pkg.getFunctions().isEmpty(), "'function' blocks are not allowed");
        disagree(!pkg.getFunctionImports().isEmpty() || !pkg.getAccumulateImports().isEmpty(),
                "'import function' and 'import accumulate' are not allowed");
        disagree(!pkg.getTypeDeclarations().isEmpty() || !pkg.getEnumDeclarations().isEmpty(),
                "'declare' is not allowed");
        disagree(!pkg.getEntryPointDeclarations().isEmpty() || !pkg.getWindowDeclarations().isEmpty(),
                "entry points and windows are not allowed");
        List<String> parsedImports = pkg.getImports().stream().map(ImportDescr::getTarget).toList();
        disagree(!parsedImports.equals(imports), "imports read differently by the DRL parser: " + parsedImports);
        disagree(!pkg.getGlobals().stream().map(GlobalDescr::getIdentifier).toList().equals(globals),
                "globals read differently by the DRL parser");
        disagree(pkg.getRules().size() != rules, "the DRL parser finds " + pkg.getRules().size() + " rules, the check "
                + rules + ": the file must be unambiguous");
        for (AttributeDescr a : pkg.getAttributes()) {
            disagree(!ATTRIBUTES.containsKey(a.getName()), "attribute '" + a.getName() + "' is not allowed");
        }
        for (RuleDescr r : pkg.getRules()) {
            int line = Math.max(r.getLine(), 1);
            if (r.isQuery()) {
                violations.add(new Violation(line, "'query' blocks are not allowed"));
            }
            if (!r.getAnnotations().isEmpty()) {
                violations.add(new Violation(line, "annotations are not allowed on rules"));
            }
            if (!r.getNamedConsequences().isEmpty()) {
                violations.add(new Violation(line, "named consequences are not allowed"));
            }
            for (String attribute : r.getAttributes().keySet()) {
                if (!ATTRIBUTES.containsKey(attribute)) {
                    violations.add(new Violation(line, "rule attribute '" + attribute + "' is not allowed"));
                }
            }
        }
    }

    private void disagree(boolean condition, String message) {
        if (condition) {
            violations.add(new Violation(1, message));
        }
    }
}
