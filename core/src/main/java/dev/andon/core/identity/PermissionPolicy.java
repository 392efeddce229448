package dev.andon.core.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.error.InvalidPlantException;
import dev.andon.core.error.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one answer to "may this principal do that, on this line?" — for the HTTP layer, the assistant's tools and every
 * connector. The rules are data ({@code permissions.yaml}); this class only reads and applies them.
 */
public final class PermissionPolicy {
    public static final String BUNDLED = "/dev/andon/core/identity/permissions.yaml";

    /** Per role (and the pseudo-role everyone): actions allowed on own lines and on any line. */
    private final Map<String, Grants> roleGrants;
    private final Grants everyone;
    private final Map<String, Set<Action>> scopeGrants;

    private record Grants(Set<Action> ownLine, Set<Action> anyLine) {
        static Grants none() {
            return new Grants(EnumSet.noneOf(Action.class), EnumSet.noneOf(Action.class));
        }
    }

    private PermissionPolicy(Map<String, Grants> roleGrants, Grants everyone, Map<String, Set<Action>> scopeGrants) {
        this.roleGrants = roleGrants;
        this.everyone = everyone;
        this.scopeGrants = scopeGrants;
    }

    public static PermissionPolicy bundled() {
        try (InputStream in = PermissionPolicy.class.getResourceAsStream(BUNDLED)) {
            return parse(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PermissionPolicy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read permissions file " + file, e);
        }
    }

    static PermissionPolicy parse(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<Problem> problems = new ArrayList<>();
        Grants everyone = grants(root.path("everyone"), "everyone", problems);
        Map<String, Grants> roles = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("roles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            roles.put(e.getKey(), grants(e.getValue(), "roles." + e.getKey(), problems));
        }
        Map<String, Set<Action>> scopes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("scopes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            scopes.put(e.getKey(), actions(e.getValue(), "scopes." + e.getKey(), problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlantException(java.nio.file.Path.of(source), problems);
        }
        return new PermissionPolicy(roles, everyone, scopes);
    }

    private static Grants grants(JsonNode node, String path, List<Problem> problems) {
        if (node.isMissingNode()) {
            return Grants.none();
        }
        return new Grants(actions(node.path("own-line"), path + ".own-line", problems),
                actions(node.path("any-line"), path + ".any-line", problems));
    }

    private static Set<Action> actions(JsonNode list, String path, List<Problem> problems) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (JsonNode n : list) {
            Action.byWireName(n.asText()).ifPresentOrElse(out::add,
                    () -> problems.add(new Problem(path, "unknown action '" + n.asText() + "'")));
        }
        return out;
    }

    /** May {@code who} do {@code action}? {@code line} is the line acted on, or null when the action has none. */
    public boolean allows(Principal who, Action action, String line) {
        if (who == null) {
            return false;
        }
        if (who.kind() == Principal.Kind.MACHINE) {
            if (who.scopes().contains("*")) {
                return true;
            }
            boolean scoped = who.scopes().stream().anyMatch(s -> scopeGrants.getOrDefault(s, Set.of()).contains(action));
            return scoped && (line == null || !action.lineScoped() || who.worksOn(line));
        }
        if (everyone.anyLine().contains(action)) {
            return true;
        }
        for (String role : who.roles()) {
            Grants g = roleGrants.get(role);
            if (g == null) {
                continue;
            }
            if (g.anyLine().contains(action)) {
                return true;
            }
            // Without a line, an own-line grant counts when the person works on some line at all.
            boolean onLine = line == null ? who.allLines() || !who.lines().isEmpty() : who.worksOn(line);
            if (g.ownLine().contains(action) && onLine) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #allows}, but refuses with a message that says who, what and where. */
    public void require(Principal who, Action action, String line) {
        if (!allows(who, action, line)) {
            throw new ForbiddenException(refusal(who, action, line));
        }
    }

    /** Every action this principal may do somewhere: what the UI shows and the assistant tells. */
    public Set<Action> actionsOf(Principal who) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (Action a : Action.values()) {
            if (allows(who, a, null) || (a.lineScoped() && anyLineAllowed(who, a))) {
                out.add(a);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The lines on which {@code who} may do {@code action}: their own, or all ({@code allLines}). */
    public Set<String> linesFor(Principal who, Action action, Set<String> plantLines) {
        Set<String> out = new TreeSet<>();
        for (String line : plantLines) {
            if (allows(who, action, line)) {
                out.add(line);
            }
        }
        return out;
    }

    private boolean anyLineAllowed(Principal who, Action a) {
        return who.allLines() ? allows(who, a, null) : who.lines().stream().anyMatch(l -> allows(who, a, l));
    }

    private static String refusal(Principal who, Action action, String line) {
        if (who == null) {
            return "sign in first";
        }
        String whom = who.kind() == Principal.Kind.MACHINE
                ? "token " + who.name() + " (scopes " + new TreeSet<>(who.scopes()) + ")"
                : who.id() + " (" + String.join(", ", new TreeSet<>(who.roles())) + ")";
        String where = line == null ? "" : " on line " + line
                + (who.allLines() ? "" : " (works on " + (who.lines().isEmpty() ? "no line" : String.join(", ", new TreeSet<>(who.lines()))) + ")");
        return whom + " may not " + action.wireName() + where;
    }

    /** The machine-token scopes this policy knows. */
    public Set<String> scopes() {
        return new TreeSet<>(scopeGrants.keySet());
    }
}
