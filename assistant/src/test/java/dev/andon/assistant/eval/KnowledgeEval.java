package dev.andon.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.andon.assistant.AndonAssistant;
import dev.andon.assistant.Assistants;
import dev.andon.assistant.ChatAnswer;
import dev.andon.assistant.ChatRequest;
import dev.andon.assistant.Citation;
import dev.andon.assistant.SamplePlant;
import dev.andon.assistant.answer.CoverageDecision;
import dev.andon.assistant.answer.QueryTerms;
import dev.andon.core.plant.Person;
import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.KnowledgeOptions;
import dev.andon.knowledge.SearchHit;
import dev.andon.knowledge.SearchRequest;
import dev.andon.knowledge.Section;
import dev.andon.knowledge.index.FusionSettings;
import dev.andon.knowledge.index.MiniLmEmbedder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Retrieval and chat quality on both labelled sets — the sample plant's own documents and the public-domain US safety
 * regulations nobody on the team wrote — on one split (test by default; dev for tuning):
 * search hit@1 / hit@3 / MRR@10, and through the real offline assistant: answered with the right section, key facts
 * present with the right citation, uncovered questions refused, answerable questions wrongly refused. With
 * {@code --tradeoff} it also prints the refusal trade-off at several coverage thresholds.
 * <pre>
 * ./andon bench eval [--split dev|test] [--tradeoff] [--verbose]
 * </pre>
 */
public final class KnowledgeEval {
    private static final YAMLMapper YAML = new YAMLMapper();
    static final Path EVAL = SamplePlant.ROOT.resolve("knowledge/src/test/resources/eval");

    /** One labelled question. {@code doc} null = the corpus does not answer it. */
    public record Question(String q, String doc, String section, List<String> facts, String role, int position) {
        boolean answerable() {
            return doc != null;
        }
    }

    public record LabelledSet(String name, Path documents, List<Question> questions) {
        List<Question> split(String split) {
            return questions.stream().filter(q -> split.equals("all") || (q.position() % 2 == 0) == split.equals("dev")).toList();
        }
    }

    /** Figures for one set and split. */
    public static final class Figures {
        int answerable;
        int uncovered;
        int hit1;
        int hit3;
        double rr;
        int answeredRight;
        int factsRight;
        int withFacts;
        int refusedUncovered;
        int wronglyRefused;
        int answeredWrongSection;

        public double hitAt1() {
            return ratio(hit1, answerable);
        }

        public double hitAt3() {
            return ratio(hit3, answerable);
        }

        public double mrr() {
            return answerable == 0 ? 0 : rr / answerable;
        }

        public double answeredRightSection() {
            return ratio(answeredRight, answerable);
        }

        public double keyFacts() {
            return ratio(factsRight, withFacts);
        }

        public double refusedWhenUncovered() {
            return ratio(refusedUncovered, uncovered);
        }

        public double wronglyRefused() {
            return ratio(wronglyRefused, answerable);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    public static LabelledSet sampleSet() {
        List<Question> out = new ArrayList<>();
        JsonNode qs = read(EVAL.resolve("questions.yaml")).get("questions");
        for (int i = 0; i < qs.size(); i++) {
            JsonNode q = qs.get(i);
            out.add(new Question(q.get("q").asText(), q.get("doc").asText(), q.get("section").asText(), List.of(),
                    q.get("asker").asText(), i));
        }
        JsonNode un = read(EVAL.resolve("sample-uncovered.yaml")).get("uncovered");
        for (int i = 0; i < un.size(); i++) {
            out.add(new Question(un.get(i).get("q").asText(), null, null, List.of(), un.get(i).get("asker").asText(), i));
        }
        return new LabelledSet("sample plant", SamplePlant.KNOWLEDGE, out);
    }

    public static LabelledSet regulationSet() {
        List<Question> out = new ArrayList<>();
        JsonNode root = read(EVAL.resolve("osha-questions.yaml"));
        JsonNode qs = root.get("answerable");
        for (int i = 0; i < qs.size(); i++) {
            JsonNode q = qs.get(i);
            List<String> facts = new ArrayList<>();
            q.get("facts").forEach(f -> facts.add(f.asText()));
            out.add(new Question(q.get("q").asText(), q.get("doc").asText(), q.get("section").asText(), facts, "operator", i));
        }
        JsonNode un = root.get("uncovered");
        for (int i = 0; i < un.size(); i++) {
            out.add(new Question(un.get(i).get("q").asText(), null, null, List.of(), "operator", i));
        }
        return new LabelledSet("US safety regulations (public domain)", EVAL.resolve("osha"), out);
    }

    /** Runs one set on one split through search and the offline assistant. */
    public static Figures run(LabelledSet set, String split, boolean verbose, List<double[]> tradeoff, Path work) {
        Figures f = new Figures();
        Path docs = work.resolve("docs");
        copy(set.documents(), docs);
        try (KnowledgeBase kb = KnowledgeBase.open(docs, work.resolve("index"), KnowledgeOptions.builder()
                .embedder(new MiniLmEmbedder(SamplePlant.embeddingModel())).clock(SamplePlant.CLOCK).fusion(fusion()).build());
             SamplePlant plant = SamplePlant.open(work.resolve("data"));
             Assistants assistants = plant.offline(kb)) {
            AndonAssistant assistant = assistants.assistant();
            for (Question q : set.split(split)) {
                if (q.answerable()) {
                    f.answerable++;
                    List<SearchHit> hits = kb.search(SearchRequest.of(q.q(), 10));
                    int rank = 0;
                    for (int i = 0; i < hits.size(); i++) {
                        if (hits.get(i).documentId().equals(q.doc()) && hits.get(i).section().equals(q.section())) {
                            rank = i + 1;
                            break;
                        }
                    }
                    f.hit1 += rank == 1 ? 1 : 0;
                    f.hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
                    f.rr += rank > 0 ? 1.0 / rank : 0;
                } else {
                    f.uncovered++;
                }
                if (tradeoff != null) {
                    tradeoff.add(evidence(kb, q));
                }
                ChatAnswer a = assistant.answer(new ChatRequest(userWith(plant, q.role()), q.role(), null, null, q.q()));
                boolean refused = a.text().contains("No approved procedure covers this");
                boolean rightCited = a.citations().stream().anyMatch(c -> c.documentId().equals(q.doc()) && c.section().equals(q.section()));
                boolean rightFirst = !a.citations().isEmpty() && a.citations().get(0).documentId().equals(q.doc())
                        && a.citations().get(0).section().equals(q.section());
                if (q.answerable()) {
                    if (refused) {
                        f.wronglyRefused++;
                    } else if (rightFirst) {
                        f.answeredRight++;
                    } else {
                        f.answeredWrongSection++;
                    }
                    if (!q.facts().isEmpty()) {
                        f.withFacts++;
                        String text = norm(a.text());
                        boolean facts = q.facts().stream().allMatch(x -> text.contains(norm(x)));
                        if (facts && rightCited && !refused) {
                            f.factsRight++;
                        } else if (verbose) {
                            System.out.println("  FACTS MISSING " + q.q() + " → " + firstLine(a));
                        }
                    }
                    if (verbose && !rightFirst) {
                        System.out.println("  " + (refused ? "REFUSED " : "WRONG   ") + q.q() + "  expected " + q.doc() + " §"
                                + q.section() + ", got " + (a.citations().isEmpty() ? "no citation" : a.citations().get(0).documentId()
                                + " §" + a.citations().get(0).section()) + " [" + a.intent() + "]");
                    }
                } else {
                    if (refused) {
                        f.refusedUncovered++;
                    } else if (verbose) {
                        System.out.println("  ANSWERED UNCOVERED " + q.q() + " → " + firstLine(a) + " [" + a.intent() + "]");
                    }
                }
            }
        }
        return f;
    }

    /** The shipped fusion, or -Deval.rrfK / -Deval.bm25Weight / -Deval.vectorWeight for experiments on dev. */
    static FusionSettings fusion() {
        FusionSettings d = FusionSettings.defaults();
        return new FusionSettings(
                Double.parseDouble(System.getProperty("eval.bm25Weight", Double.toString(d.bm25Weight()))),
                Double.parseDouble(System.getProperty("eval.vectorWeight", Double.toString(d.vectorWeight()))),
                Integer.parseInt(System.getProperty("eval.rrfK", Integer.toString(d.rrfK()))), d.candidates());
    }

    /** {answerable (1/0), top hit is the expected section (1/0), coverage score of the top hit}. */
    private static double[] evidence(KnowledgeBase kb, Question q) {
        List<SearchHit> hits = kb.search(new SearchRequest(q.q(), q.role(), null, null, null, null, CoverageDecision.SEARCH_DEPTH));
        double background = CoverageDecision.background(hits);
        List<String> terms = QueryTerms.of(q.q(), List.of());
        for (SearchHit h : hits) {
            Optional<Section> s = kb.section(h.documentId(), h.section());
            if (s.isEmpty() || (h.section().equals("0") && hits.size() > 1)) {
                continue;
            }
            double score = CoverageDecision.score(h, terms, s.get().title() + "\n" + s.get().heading() + "\n" + s.get().text(), background);
            boolean right = q.answerable() && h.documentId().equals(q.doc()) && h.section().equals(q.section());
            return new double[]{q.answerable() ? 1 : 0, right ? 1 : 0, score};
        }
        return new double[]{q.answerable() ? 1 : 0, 0, Double.NEGATIVE_INFINITY};
    }

    static void printTradeoff(String name, List<double[]> rows) {
        long answerable = rows.stream().filter(r -> r[0] == 1).count();
        long uncovered = rows.size() - answerable;
        System.out.println();
        System.out.println("Refusal trade-off (" + name + "): top hit's coverage score ≥ threshold → answer");
        System.out.println("| threshold | answered, right section | answered, wrong section | wrongly refused | uncovered refused |");
        System.out.println("|---|---|---|---|---|");
        for (double t = 0.55; t <= 0.801; t += 0.02) {
            final double th = t;
            long right = rows.stream().filter(r -> r[0] == 1 && r[2] >= th && r[1] == 1).count();
            long wrong = rows.stream().filter(r -> r[0] == 1 && r[2] >= th && r[1] == 0).count();
            long refused = rows.stream().filter(r -> r[0] == 1 && r[2] < th).count();
            long unRefused = rows.stream().filter(r -> r[0] == 0 && r[2] < th).count();
            System.out.printf(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.3f |%n", t, (double) right / answerable,
                    (double) wrong / answerable, (double) refused / answerable, uncovered == 0 ? Double.NaN : (double) unRefused / uncovered);
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> a = List.of(args);
        String split = a.contains("--split") ? a.get(a.indexOf("--split") + 1) : "test";
        boolean verbose = a.contains("--verbose");
        boolean tradeoff = a.contains("--tradeoff");
        Path tmp = Files.createTempDirectory("andon-eval");
        try {
            List<LabelledSet> sets = List.of(sampleSet(), regulationSet());
            List<Figures> figures = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                LabelledSet set = sets.get(i);
                System.out.println("== " + set.name() + " (" + split + " split)");
                List<double[]> rows = tradeoff ? new ArrayList<>() : null;
                figures.add(run(set, split, verbose, rows, tmp.resolve("set" + i)));
                if (tradeoff) {
                    printTradeoff(set.name(), rows);
                }
            }
            System.out.println();
            System.out.println("Split: " + split + "; coverage threshold " + CoverageDecision.THRESHOLD + "; fusion " + fusion());
            System.out.println("| set | answerable | uncovered | hit@1 | hit@3 | MRR@10 | answered, right section | key facts + right citation | uncovered refused | wrongly refused |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < sets.size(); i++) {
                Figures f = figures.get(i);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %s | %.3f | %.3f |%n",
                        sets.get(i).name(), f.answerable, f.uncovered, f.hitAt1(), f.hitAt3(), f.mrr(), f.answeredRightSection(),
                        Double.isNaN(f.keyFacts()) ? "n/a (no facts labelled)" : String.format(Locale.ROOT, "%.3f", f.keyFacts()),
                        f.refusedWhenUncovered(), f.wronglyRefused());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String userWith(SamplePlant plant, String role) {
        return plant.plant.people().stream().filter(p -> p.roles().contains(role)).map(Person::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample person with role " + role));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String firstLine(ChatAnswer a) {
        String t = a.text().replace('\n', ' ');
        return t.length() > 140 ? t.substring(0, 140) + "…" : t;
    }

    private static JsonNode read(Path p) {
        try {
            return YAML.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTo(Path from, Path to) {
        copy(from, to);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("README.md")) {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
