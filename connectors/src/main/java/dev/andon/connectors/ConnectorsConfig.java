package dev.andon.connectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.andon.core.error.InvalidPlantException;
import dev.andon.core.error.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The connectors file ({@code connectors.yaml} beside the plant file, or setting {@code connectorsFile}): sources that
 * bring messages in, sinks that tell people, and the dead-letter and retry limits. Secrets are never in the file: it
 * names the environment variables that hold them ({@code passwordEnv}, {@code hmacSecretEnv}, {@code bearerTokenEnv}).
 * A wrong file stops start-up with each field and its problem, like the plant file.
 */
public record ConnectorsConfig(DeadLetters deadLetters, Retry retry, List<Source> sources, List<Sink> sinks) {
    public static final Set<String> SOURCE_KINDS = Set.of("mqtt", "alertmanager", "webhook");
    public static final Set<String> SINK_KINDS = Set.of("webhook", "email", "mqtt-lights");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ConnectorsConfig {
        deadLetters = deadLetters == null ? new DeadLetters(null, null) : deadLetters;
        retry = retry == null ? new Retry(null, null, null) : retry;
        sources = sources == null ? List.of() : List.copyOf(sources);
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
    }

    public static ConnectorsConfig none() {
        return new ConnectorsConfig(null, null, null, null);
    }

    public record DeadLetters(Integer capacity, Integer maxKeptBytes) {
        public int capacityOr() {
            return capacity == null ? 1000 : capacity;
        }

        public int maxKeptBytesOr() {
            return maxKeptBytes == null ? 65_536 : maxKeptBytes;
        }
    }

    public record Retry(Integer attempts, Long initialMillis, Long maxMillis) {
        public int attemptsOr() {
            return attempts == null ? 6 : attempts;
        }

        public long initialMillisOr() {
            return initialMillis == null ? 1000 : initialMillis;
        }

        public long maxMillisOr() {
            return maxMillis == null ? 60_000 : maxMillis;
        }
    }

    public record Broker(String host, Integer port, Boolean tls, String trustPem, String username, String passwordEnv,
                         String clientId, Long reconnectInitialMillis, Long reconnectMaxMillis) {
    }

    public record Topics(String alerts, String stations, String heartbeats) {
    }

    public record Source(String name, String kind, Boolean enabled, Broker broker, Topics topics,
                         Integer maxPayloadBytes, Integer maxPerSecond, Map<String, String> labels,
                         Map<String, String> severities, Double defaultConfidence, String defaultSource,
                         Map<String, String> bindings, String hmacSecretEnv) {
        public boolean enabledOr() {
            return enabled == null || enabled;
        }
    }

    public record Sink(String name, String kind, Boolean enabled, List<String> events, List<String> lines,
                       List<String> roles, String url, String bearerTokenEnv, String hmacSecretEnv, Broker broker,
                       String topic, String host, Integer port, Boolean starttls, String username, String passwordEnv,
                       String from, List<String> to) {
        public boolean enabledOr() {
            return enabled == null || enabled;
        }
    }

    /** Reads and checks {@code file}; a missing file means no connectors. */
    public static ConnectorsConfig load(Path file, Map<String, String> env) {
        if (file == null || !Files.exists(file)) {
            return none();
        }
        ConnectorsConfig config;
        try {
            config = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), ConnectorsConfig.class);
        } catch (JsonMappingException e) {
            String where = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new InvalidPlantException(file, List.of(new Problem(where.isEmpty() ? "(file)" : where,
                    e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidPlantException(file, List.of(new Problem("(file)", "cannot be read: " + e.getMessage())));
        }
        if (config == null) {
            return none();
        }
        List<Problem> problems = config.check(env);
        if (!problems.isEmpty()) {
            throw new InvalidPlantException(file, problems);
        }
        return config;
    }

    List<Problem> check(Map<String, String> env) {
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String at = "sources[" + i + "]";
            name(s.name(), at, names, problems);
            if (s.kind() == null || !SOURCE_KINDS.contains(s.kind())) {
                problems.add(new Problem(at + ".kind", "must be one of " + SOURCE_KINDS + "; got " + s.kind()));
                continue;
            }
            switch (s.kind()) {
                case "mqtt" -> {
                    broker(s.broker(), at + ".broker", env, problems);
                    if (s.topics() == null || (s.topics().alerts() == null && s.topics().stations() == null
                            && s.topics().heartbeats() == null)) {
                        problems.add(new Problem(at + ".topics", "name at least one of alerts, stations, heartbeats"));
                    }
                }
                case "webhook" -> {
                    if (s.bindings() == null || s.bindings().isEmpty()) {
                        problems.add(new Problem(at + ".bindings", "bind at least one caller (principal id → source)"));
                    }
                    secret(s.hmacSecretEnv(), at + ".hmacSecretEnv", env, problems);
                }
                case "alertmanager" -> {
                    if (s.labels() != null) {
                        Set<String> allowed = Set.of("line", "station", "type", "severity", "confidence", "source");
                        s.labels().keySet().stream().filter(k -> !allowed.contains(k)).forEach(k ->
                                problems.add(new Problem(at + ".labels." + k, "must be one of " + allowed)));
                    }
                    if (s.defaultConfidence() != null && !(s.defaultConfidence() >= 0 && s.defaultConfidence() <= 1)) {
                        problems.add(new Problem(at + ".defaultConfidence", "must be between 0 and 1"));
                    }
                }
                default -> { }
            }
        }
        for (int i = 0; i < sinks.size(); i++) {
            Sink s = sinks.get(i);
            String at = "sinks[" + i + "]";
            name(s.name(), at, names, problems);
            if (s.kind() == null || !SINK_KINDS.contains(s.kind())) {
                problems.add(new Problem(at + ".kind", "must be one of " + SINK_KINDS + "; got " + s.kind()));
                continue;
            }
            if (s.events() != null) {
                s.events().stream().filter(e -> !dev.andon.connectors.out.Notification.EVENTS.contains(e)).forEach(e ->
                        problems.add(new Problem(at + ".events", "unknown event '" + e + "' (assigned, escalated, resolved)")));
            }
            switch (s.kind()) {
                case "webhook" -> {
                    if (s.url() == null || !(s.url().startsWith("http://") || s.url().startsWith("https://"))) {
                        problems.add(new Problem(at + ".url", "is required (http:// or https://)"));
                    }
                    secret(s.hmacSecretEnv(), at + ".hmacSecretEnv", env, problems);
                    secret(s.bearerTokenEnv(), at + ".bearerTokenEnv", env, problems);
                }
                case "email" -> {
                    if (s.host() == null || s.port() == null) {
                        problems.add(new Problem(at, "host and port of the SMTP server are required"));
                    }
                    if (s.from() == null || s.to() == null || s.to().isEmpty()) {
                        problems.add(new Problem(at, "from and at least one to address are required"));
                    }
                    secret(s.passwordEnv(), at + ".passwordEnv", env, problems);
                }
                case "mqtt-lights" -> broker(s.broker(), at + ".broker", env, problems);
                default -> { }
            }
        }
        return problems;
    }

    private static void name(String name, String at, Set<String> names, List<Problem> problems) {
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new Problem(at + ".name", "is required: lower-case letters, digits and dashes"));
        } else if (!names.add(name)) {
            problems.add(new Problem(at + ".name", "'" + name + "' is used twice"));
        }
    }

    private static void broker(Broker b, String at, Map<String, String> env, List<Problem> problems) {
        if (b == null || b.host() == null || b.port() == null) {
            problems.add(new Problem(at, "host and port are required"));
            return;
        }
        secret(b.passwordEnv(), at + ".passwordEnv", env, problems);
    }

    private static void secret(String var, String at, Map<String, String> env, List<Problem> problems) {
        if (var != null && (env.get(var) == null || env.get(var).isEmpty())) {
            problems.add(new Problem(at, "environment variable " + var + " is not set"));
        }
    }
}
