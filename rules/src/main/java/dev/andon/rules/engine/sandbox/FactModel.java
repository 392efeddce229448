package dev.andon.rules.engine.sandbox;

import dev.andon.rules.facts.AlertFact;
import dev.andon.rules.facts.AlertHistoryFact;
import dev.andon.rules.facts.ConfidenceBand;
import dev.andon.rules.facts.DecisionDraft;
import dev.andon.rules.facts.OnShiftFact;
import dev.andon.rules.facts.Procedure;
import dev.andon.rules.facts.Runbook;
import dev.andon.rules.facts.SilenceFact;
import dev.andon.rules.facts.StationFact;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an uploaded ruleset may name: the fact types of {@code dev.andon.rules.facts}, the documented {@code decision}
 * API, and a handful of java.lang/java.util value types. Everything a rule can reach from these returns only these
 * (or primitives), so the allow-list is closed: no chain of allowed calls leads to a class loader, a file or a thread.
 *
 * <p>Why these value types: {@code String}, the boxed numbers, {@code Boolean} and {@code Math} are what constraints
 * and reasons are written with ({@code "" + $r.getResolveMinutes()}, {@code Math.round}); {@code Number},
 * {@code List}, {@code Set}, {@code Map} and {@code Collection} are the result types of {@code accumulate}/{@code
 * collect} and of {@code AlertFact.getPayload()}. They are immutable values or read-only views here, and only
 * read-only members are allowed on them (no {@code forEach}, {@code stream}, {@code repeat}, {@code format}: no
 * lambdas, no unbounded allocation, no format widths).
 */
public final class FactModel {
    public static final String FACTS_PACKAGE = "dev.andon.rules.facts";

    /** Fact types a rule may match, bind, construct ({@code new Procedure(...)}) and import. */
    public static final List<Class<?>> FACT_TYPES = List.of(AlertFact.class, AlertHistoryFact.class,
            ConfidenceBand.class, OnShiftFact.class, Procedure.class, Runbook.class, SilenceFact.class,
            StationFact.class);

    /** java.lang types usable by simple name (java.lang is imported implicitly) and java.util types one may import. */
    public static final Set<String> JAVA_LANG_TYPES = Set.of("String", "Integer", "Long", "Double", "Boolean", "Math",
            "Number", "Object");
    public static final Set<String> JAVA_UTIL_TYPES = Set.of("List", "Set", "Map", "Collection");

    /** The decision API (docs/rules.md): the engine-side methods of DecisionDraft (beginRule…) are not in it. */
    public static final Set<String> DECISION_API = Set.of("runbook", "owner", "fallbackRole", "qualificationRequired",
            "acknowledgeWithin", "resolveWithin", "escalateTo", "step", "safetyStep", "flag", "escalate",
            "escalateToOnCall", "because", "hasFlag", "getRunbook", "UNACKNOWLEDGED", "UNRESOLVED");

    /** Read-only members of the allowed value types (String, boxed numbers, Math, collections, Object). */
    public static final Set<String> VALUE_MEMBERS = Set.of(
            // Object
            "equals", "hashCode", "toString",
            // String
            "length", "isEmpty", "isBlank", "equalsIgnoreCase", "startsWith", "endsWith", "contains", "indexOf",
            "lastIndexOf", "substring", "toLowerCase", "toUpperCase", "trim", "strip", "charAt", "compareTo",
            "valueOf",
            // numbers, Boolean, Math
            "intValue", "longValue", "doubleValue", "booleanValue", "parseInt", "parseLong", "parseDouble",
            "parseBoolean", "compare", "MAX_VALUE", "MIN_VALUE", "min", "max", "abs", "round", "floor", "ceil",
            // List, Set, Map, Collection (read only)
            "size", "get", "containsKey", "containsValue", "getOrDefault", "keySet", "values");

    /** Never allowed, whatever a fact class might declare: the doors the sandbox exists to keep shut. */
    public static final Set<String> NEVER = Set.of("getClass", "class", "forName", "getClassLoader", "newInstance",
            "getRuntime", "exec", "exit", "halt", "getProperty", "setProperty", "getenv", "load", "loadLibrary",
            "invoke", "getMethod", "getDeclaredMethod", "getField", "getDeclaredField", "setAccessible", "start",
            "run", "wait", "notify", "notifyAll", "java", "javax", "jdk", "sun", "System", "Runtime", "Thread",
            "Class", "ClassLoader", "ProcessBuilder", "drools", "kcontext");

    private static final Set<String> FACT_MEMBERS = factMembers();
    private static final Set<String> TYPE_NAMES = typeNames();

    private FactModel() {
    }

    /** Simple names of every type a ruleset may name. */
    public static Set<String> typeNames() {
        Set<String> out = new TreeSet<>();
        FACT_TYPES.forEach(c -> out.add(c.getSimpleName()));
        out.add(DecisionDraft.class.getSimpleName());
        out.addAll(JAVA_LANG_TYPES);
        out.addAll(JAVA_UTIL_TYPES);
        return Collections.unmodifiableSet(out);
    }

    public static boolean isType(String simpleName) {
        return TYPE_NAMES.contains(simpleName);
    }

    public static boolean isFactType(String simpleName) {
        return FACT_TYPES.stream().anyMatch(c -> c.getSimpleName().equals(simpleName));
    }

    /** A name that may follow a dot, or stand alone as a property in a constraint ({@code type == "x"}). */
    public static boolean isMember(String name) {
        return !NEVER.contains(name) && (FACT_MEMBERS.contains(name) || DECISION_API.contains(name)
                || VALUE_MEMBERS.contains(name));
    }

    /** An import line's target: the fact package (whole or one type) or one of the allowed java.util types. */
    public static boolean isAllowedImport(String qualifiedName) {
        if (qualifiedName.equals(FACTS_PACKAGE + ".*")) {
            return true;
        }
        if (qualifiedName.startsWith(FACTS_PACKAGE + ".")) {
            String simple = qualifiedName.substring(FACTS_PACKAGE.length() + 1);
            return isFactType(simple) || simple.equals(DecisionDraft.class.getSimpleName());
        }
        if (qualifiedName.startsWith("java.util.")) {
            return JAVA_UTIL_TYPES.contains(qualifiedName.substring("java.util.".length()));
        }
        if (qualifiedName.startsWith("java.lang.")) {
            return JAVA_LANG_TYPES.contains(qualifiedName.substring("java.lang.".length()));
        }
        return false;
    }

    /** Every member name the allow-list holds; for tests that keep it closed. */
    public static Set<String> allMembers() {
        return Stream.of(FACT_MEMBERS, DECISION_API, VALUE_MEMBERS).flatMap(Set::stream)
                .filter(n -> !NEVER.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Public methods, bean properties and public constants of the read-only fact types. */
    private static Set<String> factMembers() {
        Set<String> out = new TreeSet<>();
        for (Class<?> type : FACT_TYPES) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == Object.class || !Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                out.add(m.getName());
                String property = property(m);
                if (property != null) {
                    out.add(property);
                }
            }
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())) {
                    out.add(f.getName());
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static String property(Method m) {
        if (m.getParameterCount() != 0) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Return types a rule can obtain from the allowed fact members; for the closure test. */
    public static Map<String, Class<?>> factMemberReturnTypes() {
        Map<String, Class<?>> out = new java.util.TreeMap<>();
        for (Class<?> type : FACT_TYPES) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() != Object.class) {
                    out.put(type.getSimpleName() + "." + m.getName(), m.getReturnType());
                }
            }
        }
        for (Method m : DecisionDraft.class.getMethods()) {
            if (DECISION_API.contains(m.getName())) {
                out.put("DecisionDraft." + m.getName(), m.getReturnType());
            }
        }
        return out;
    }
}
