package dev.andon.knowledge.ingest;

import dev.andon.core.error.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a document's {@code training:} metadata block, reporting every problem with its place
 * ({@code training.quiz[1].answer}) so an author fixes the file in one go.
 */
final class TrainingMetadataReader {
    static final Set<String> FIELDS = Set.of("module", "prerequisites", "practical", "grants", "quiz");
    static final Set<String> QUESTION_FIELDS = Set.of("question", "options", "answer", "section");

    TrainingMetadata read(String fileName, Object raw, List<Problem> problems) {
        if (raw == null) {
            return TrainingMetadata.NONE;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(new Problem("training", fileName + ": 'training' must be a map with " + String.join(", ", FIELDS)));
            return TrainingMetadata.NONE;
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                problems.add(new Problem("training." + key, fileName + ": unknown training field '" + key
                        + "'; allowed: module, prerequisites, practical, grants, quiz"));
            }
        }
        Object module = map.get("module");
        if (module != null && !(module instanceof String)) {
            problems.add(new Problem("training.module", fileName + ": module must be a name"));
        }
        List<String> prerequisites = strings(fileName, "training.prerequisites", map.get("prerequisites"), problems);
        List<String> practical = strings(fileName, "training.practical", map.get("practical"), problems);
        List<String> grants = strings(fileName, "training.grants", map.get("grants"), problems);
        List<TrainingMetadata.QuizQuestion> quiz = new ArrayList<>();
        Object q = map.get("quiz");
        if (q != null && !(q instanceof Collection<?>)) {
            problems.add(new Problem("training.quiz", fileName + ": quiz must be a list of questions"));
        } else if (q != null) {
            int i = 0;
            for (Object item : (Collection<?>) q) {
                question(fileName, "training.quiz[" + i++ + "]", item, problems).ifPresent(quiz::add);
            }
        }
        return new TrainingMetadata(module instanceof String s && !s.isBlank() ? s.strip() : null, prerequisites,
                practical, grants, quiz);
    }

    private static java.util.Optional<TrainingMetadata.QuizQuestion> question(String fileName, String at, Object item,
                                                                             List<Problem> problems) {
        if (!(item instanceof Map<?, ?> m)) {
            problems.add(new Problem(at, fileName + ": a question needs question, options and answer"));
            return java.util.Optional.empty();
        }
        int before = problems.size();
        for (Object key : m.keySet()) {
            if (!QUESTION_FIELDS.contains(String.valueOf(key))) {
                problems.add(new Problem(at + "." + key, fileName + ": unknown question field '" + key
                        + "'; allowed: question, options, answer, section"));
            }
        }
        Object text = m.get("question");
        if (!(text instanceof String t) || t.isBlank()) {
            problems.add(new Problem(at + ".question", fileName + ": the question text is required"));
        }
        List<String> options = strings(fileName, at + ".options", m.get("options"), problems);
        if (options.size() < 2) {
            problems.add(new Problem(at + ".options", fileName + ": at least two options are required"));
        }
        Object answer = m.get("answer");
        int index = -1;
        if (answer instanceof Number n) {
            index = n.intValue();
        } else if (answer instanceof String s) {
            index = options.indexOf(s);
        }
        if (index < 0 || index >= options.size()) {
            problems.add(new Problem(at + ".answer", fileName + ": answer must be the number (from 0) or the text of one of the options"));
        }
        Object section = m.get("section");
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TrainingMetadata.QuizQuestion(((String) text).strip(), options, index,
                section == null ? null : String.valueOf(section)));
    }

    private static List<String> strings(String fileName, String at, Object raw, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Collection<?> c)) {
            problems.add(new Problem(at, fileName + ": " + at + " must be a list"));
            return out;
        }
        for (Object o : c) {
            if (o == null || o instanceof Collection<?> || o instanceof Map<?, ?> || String.valueOf(o).isBlank()) {
                problems.add(new Problem(at, fileName + ": " + at + " must be a flat list of non-empty texts"));
                continue;
            }
            out.add(String.valueOf(o).strip());
        }
        return out;
    }
}
