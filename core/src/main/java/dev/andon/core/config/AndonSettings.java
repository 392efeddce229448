package dev.andon.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings: an environment variable {@code ANDON_<KEY_IN_SNAKE_CASE>} wins over the plant file's {@code settings:}
 * block, which wins over the default. {@code httpPort} is {@code ANDON_HTTP_PORT}, {@code dataDir} is
 * {@code ANDON_DATA_DIR}, and so on for every key.
 */
public final class AndonSettings {
    private final Map<String, String> env;
    private final Map<String, String> plantSettings;

    public AndonSettings(Map<String, String> env, Map<String, String> plantSettings) {
        this.env = Map.copyOf(env);
        this.plantSettings = Map.copyOf(plantSettings);
    }

    public static String envName(String key) {
        return "ANDON_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }

    public Optional<String> get(String key) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        return Optional.ofNullable(plantSettings.get(key)).filter(v -> !v.isBlank());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " (" + envName(key) + ") must be a whole number, got '" + value + "'");
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("setting " + key + " (" + envName(key) + ") must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key, Long.toString(defaultValue));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " (" + envName(key) + ") must be a whole number, got '" + value + "'");
        }
    }

    /**
     * A folder or file setting. A relative value from the environment resolves against the working directory, one
     * from the plant file (or the default) against {@code plantDir}, so a plant folder can be moved as a whole.
     */
    public Path path(String key, String defaultValue, Path plantDir) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim()).toAbsolutePath().normalize();
        }
        Path p = Path.of(get(key, defaultValue));
        return (p.isAbsolute() || plantDir == null ? p : plantDir.resolve(p)).toAbsolutePath().normalize();
    }
}
