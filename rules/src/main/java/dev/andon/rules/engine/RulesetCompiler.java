package dev.andon.rules.engine;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.Problem;
import dev.andon.rules.engine.sandbox.DrlSafetyCheck;
import dev.andon.rules.facts.DecisionDraft;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link RuleBundle} into a {@link CompiledRuleset} with KieBuilder, or refuses it with every error as a
 * problem named {@code file:line} (for decision tables: the sheet row of the offending rule). Every file first passes
 * the sandbox gate ({@link DrlSafetyCheck}): rules are code, and nothing outside the fact model and the decision API
 * gets as far as the compiler. Decision tables are
 * turned into DRL here rather than by the KieBuilder so that a broken table reports its own file and row.
 *
 * <p>Building takes a second or more, so identical content (same hash) is built once and its KieBase shared: a
 * rollback to a recent version, or the same rules folder after a restart in one JVM, costs nothing. The compiler
 * owns the containers it built and disposes them on {@link #close}.
 */
public final class RulesetCompiler implements AutoCloseable {
    public static final String DECISION_GLOBAL = "decision";
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern CELL = Pattern.compile("rule values at ([A-Z]+)(\\d+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*;?");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final int CACHED = 16;
    private final KieServices kie = KieServices.Factory.get();
    private final Map<String, Built> built = new LinkedHashMap<>(16, 0.75f, true);
    /** Content being built right now, so a second caller for the same hash waits instead of building it again. */
    private final Map<String, CompletableFuture<Built>> building = new HashMap<>();

    public CompiledRuleset compile(String version, RuleBundle bundle) {
        String hash = bundle.hash();
        CompletableFuture<Built> mine = new CompletableFuture<>();
        CompletableFuture<Built> theirs;
        synchronized (built) {
            Built known = built.get(hash);
            if (known != null) {
                return known.as(version, hash);
            }
            theirs = building.putIfAbsent(hash, mine);
        }
        if (theirs != null) {
            // Being built on another thread (the application compiles the rules folder ahead while it starts).
            try {
                return theirs.join().as(version, hash);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Built b = build(version, bundle, hash);
            mine.complete(b);
            return b.as(version, hash);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (built) {
                building.remove(hash);
            }
        }
    }

    /**
     * Compiles {@code bundle} ahead of need and keeps it, so whoever compiles the same content next finds it built;
     * a bundle that does not compile is left for that caller to report. A cold JVM takes seconds to load and warm the
     * Drools compiler — the longest step of a start — so the application runs this while it builds everything else.
     */
    public void prepare(java.util.function.Supplier<RuleBundle> bundle) {
        try {
            compile("prepared", bundle.get());
        } catch (RuntimeException e) {
            // an unreadable folder or broken rules: reported by the caller that needs them, with its own version name
        }
    }

    /** Disposes every container this compiler built; rulesets it returned must no longer be used. */
    @Override
    public void close() {
        synchronized (built) {
            built.values().forEach(b -> {
                b.sessions().shutdown();
                b.container().dispose();
            });
            built.clear();
        }
    }

    private Built build(String version, RuleBundle bundle, String hash) {
        List<Problem> problems = new ArrayList<>();
        if (bundle.files().isEmpty()) {
            throw new InvalidInputException("files", "a ruleset needs at least one .drl, .csv or .xlsx file");
        }
        ReleaseId releaseId = kie.newReleaseId("dev.andon.rulesets", "ruleset-" + safe(version), "1.0.0");
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Source> sources = new HashMap<>();
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            String name = file.getKey();
            if (!FILE_NAME.matcher(name).matches()) {
                problems.add(new Problem(name, "file names may use letters, digits, '.', '_' and '-' only (no folders)"));
                continue;
            }
            String ext = extension(name);
            switch (ext) {
                case "drl" -> {
                    List<Problem> refused = sandbox(name, new String(file.getValue(), StandardCharsets.UTF_8), null);
                    if (!refused.isEmpty()) {
                        problems.addAll(refused);
                        continue;
                    }
                    String path = RESOURCES + packageFolder(new String(file.getValue(), StandardCharsets.UTF_8)) + name;
                    kfs.write(path, file.getValue());
                    sources.put(path, new Source(name, null));
                }
                case "csv", "xlsx", "xls" -> {
                    try {
                        InputType type = "csv".equals(ext) ? InputType.CSV : InputType.XLS;
                        List<Problem> columns = DecisionTableCheck.check(name, file.getValue(), type);
                        if (!columns.isEmpty()) {
                            problems.addAll(columns);
                            continue;
                        }
                        String drl = tableToDrl(file.getValue(), type);
                        List<Problem> refused = sandbox(name, drl, new Table(file.getValue(), type, drl.split("\n", -1)));
                        if (!refused.isEmpty()) {
                            problems.addAll(refused);
                            continue;
                        }
                        String path = RESOURCES + packageFolder(drl) + name + ".drl";
                        kfs.write(path, drl.getBytes(StandardCharsets.UTF_8));
                        sources.put(path, new Source(name, drl.split("\n", -1)));
                    } catch (RuntimeException e) {
                        problems.add(new Problem(name, "decision table cannot be read: " + rootMessage(e)));
                    }
                }
                default -> problems.add(new Problem(name, "unsupported file type '." + ext
                        + "': use .drl rules or .csv/.xlsx decision tables"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(problem(m, sources));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new InvalidInputException(problems);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        // The container keeps what it needs; the repository would otherwise hold every version ever built.
        kie.getRepository().removeKieModule(releaseId);
        KieBase base = container.getKieBase();
        int rules = 0;
        boolean hasDecision = false;
        for (KiePackage pkg : base.getKiePackages()) {
            rules += pkg.getRules().size();
            for (Global g : pkg.getGlobalVariables()) {
                if (DECISION_GLOBAL.equals(g.getName())) {
                    if (!DecisionDraft.class.getName().equals(g.getType())) {
                        problems.add(new Problem("(ruleset)", "global 'decision' must have type " + DecisionDraft.class.getName()
                                + ", not " + g.getType()));
                    }
                    hasDecision = true;
                }
            }
        }
        if (!hasDecision) {
            problems.add(new Problem("(ruleset)", "no file declares 'global " + DecisionDraft.class.getName()
                    + " decision;' — rules write their answer into it"));
        }
        if (rules == 0) {
            problems.add(new Problem("(ruleset)", "the ruleset contains no rules"));
        }
        if (!problems.isEmpty()) {
            container.dispose();
            throw new InvalidInputException(problems);
        }
        KieSessionsPool sessions = base.newKieSessionsPool(2);
        Built made = new Built(container, base, rules, sessions);
        synchronized (built) {
            built.put(hash, made);
            // Dropped from the cache, an old KieBase lives on while a ruleset still uses it and is then collected.
            var it = built.entrySet().iterator();
            while (built.size() > CACHED && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        return made;
    }

    /**
     * The sandbox gate: what an uploaded file may contain ({@link DrlSafetyCheck}), checked before anything is compiled.
     * For a decision table the check reads the DRL generated from it and names the sheet row.
     */
    private static List<Problem> sandbox(String file, String drl, Table table) {
        List<Problem> out = new ArrayList<>();
        for (DrlSafetyCheck.Violation v : DrlSafetyCheck.check(drl)) {
            String where = table == null ? String.valueOf(v.line()) : table.rowOf(v.line());
            out.add(new Problem(file + ":" + where, v.message()));
        }
        return out;
    }

    /** A decision table and the DRL generated from it, to name the sheet row of a line of that DRL. */
    private record Table(byte[] bytes, InputType type, String[] drl) {
        private static final Map<String, String> SETTINGS = Map.of("package", "RuleSet", "import", "Import",
                "global", "Variables", "function", "Functions", "query", "Queries", "declare", "Declare",
                "dialect", "Dialect");

        String rowOf(int line) {
            String row = tableRow(drl, line);
            if (!"?".equals(row)) {
                return row;
            }
            // Before the first rule: the line came from a RuleSet setting such as Import or Functions.
            String text = line >= 1 && line <= drl.length ? drl[line - 1].trim() : "";
            String keyword = text.split("\\s+", 2)[0];
            String setting = SETTINGS.get(keyword);
            int settingRow = setting == null ? 0 : DecisionTableCheck.settingRow(bytes, type, setting);
            return settingRow > 0 ? String.valueOf(settingRow) : "?";
        }
    }

    private record Built(KieContainer container, KieBase base, int rules, KieSessionsPool sessions) {
        CompiledRuleset as(String version, String hash) {
            return new CompiledRuleset(version, hash, base, rules, sessions);
        }
    }

    private static String tableToDrl(byte[] bytes, InputType type) {
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
        if (drl == null || !drl.contains("rule ")) {
            throw new IllegalArgumentException("no RuleTable with rules found (a decision table needs a 'RuleTable <name>' "
                    + "header followed by CONDITION/ACTION columns)");
        }
        return drl;
    }

    private static Problem problem(Message m, Map<String, Source> sources) {
        String path = m.getPath() == null ? "" : m.getPath();
        Source source = sources.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + path) || e.getKey().equals(path) || path.endsWith(e.getKey().substring(RESOURCES.length())))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        String text = m.getText() == null ? "error" : m.getText().replace('\n', ' ').replaceAll("\\s+", " ").trim();
        if (source == null) {
            return new Problem(path.isEmpty() ? "(ruleset)" : path + (m.getLine() > 0 ? ":" + m.getLine() : ""), text);
        }
        if (source.generatedDrl() == null) {
            return new Problem(source.file() + ":" + Math.max(m.getLine(), 1), text);
        }
        return new Problem(source.file() + ":" + tableRow(source.generatedDrl(), m.getLine()), text);
    }

    /** The sheet row of the rule around {@code line} in the DRL generated from a table, e.g. "row 12 (cell D12)". */
    private static String tableRow(String[] drl, int line) {
        int from = Math.min(Math.max(line - 1, 0), drl.length - 1);
        for (int i = from; i >= 0; i--) {
            Matcher m = CELL.matcher(drl[i]);
            if (m.find()) {
                return m.group(2);
            }
        }
        return "?";
    }

    /** KieBuilder expects a file's folder to follow its package ("a/b/" for "package a.b;"). */
    private static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String safe(String version) {
        return version.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return e == t || e.getMessage() == null ? msg : e.getMessage() + (msg.equals(e.getMessage()) ? "" : " (" + msg + ")");
    }

    private record Source(String file, String[] generatedDrl) {
    }
}
