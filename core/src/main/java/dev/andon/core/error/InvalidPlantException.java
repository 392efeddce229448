package dev.andon.core.error;

import java.nio.file.Path;
import java.util.List;

/** A plant file that cannot be used; start-up stops with this message, which names the file, each field and its problem. */
public class InvalidPlantException extends RuntimeException {
    private final Path file;
    private final List<Problem> problems;

    public InvalidPlantException(Path file, List<Problem> problems) {
        super(message(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(Path file, List<Problem> problems) {
        StringBuilder sb = new StringBuilder("invalid plant file ").append(file);
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p.field()).append(": ").append(p.message());
        }
        return sb.toString();
    }
}
