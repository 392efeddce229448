package dev.andon.core.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.andon.core.error.InvalidPlantException;
import dev.andon.core.error.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a plant YAML file into a {@link Plant}, refusing unknown fields and broken references with precise problems. */
public final class PlantLoader {
    private final ObjectMapper yaml;
    private final PlantValidator validator = new PlantValidator();

    public PlantLoader() {
        this.yaml = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    public Plant load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new InvalidPlantException(absolute, List.of(new Problem("(file)", "does not exist or is not a file")));
        }
        Plant parsed;
        try {
            parsed = yaml.readValue(absolute.toFile(), Plant.class);
        } catch (JsonMappingException e) {
            throw new InvalidPlantException(absolute, List.of(new Problem(path(e), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "(file)" : "(line " + e.getLocation().getLineNr() + ")";
            throw new InvalidPlantException(absolute, List.of(new Problem(where, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidPlantException(absolute, List.of(new Problem("(file)", "cannot be read: " + e.getMessage())));
        }
        if (parsed == null) {
            throw new InvalidPlantException(absolute, List.of(new Problem("(file)", "is empty")));
        }
        Plant plant = new Plant(parsed.id(), parsed.name(), parsed.timezone(), parsed.settings(), parsed.roles(),
                parsed.shifts(), parsed.lines(), parsed.alertTypes(), parsed.people(), parsed.roster(),
                parsed.onCall(), parsed.calendar(), parsed.reasons(), absolute.getParent(), parsed.skills());
        List<Problem> problems = validator.validate(plant);
        if (!problems.isEmpty()) {
            throw new InvalidPlantException(absolute, problems);
        }
        return plant;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e.getLocation() != null) {
            sb.append(" (line ").append(e.getLocation().getLineNr()).append(')');
        }
        return sb.isEmpty() ? "(root)" : sb.toString();
    }
}
