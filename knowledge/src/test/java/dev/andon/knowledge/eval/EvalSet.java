package dev.andon.knowledge.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The labelled questions shipped in {@code eval/questions.yaml}. */
public record EvalSet(List<EvalQuestion> questions) {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static EvalSet load() {
        try (InputStream in = EvalSet.class.getResourceAsStream("/eval/questions.yaml")) {
            if (in == null) {
                throw new IllegalStateException("eval/questions.yaml not on the test classpath");
            }
            return YAML.readValue(in, EvalSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
