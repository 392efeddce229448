package dev.andon.rules.bench;

import dev.andon.rules.engine.RuleBundle;
import dev.andon.rules.engine.RulesetCompiler;
import dev.andon.rules.engine.sandbox.DrlSafetyCheck;
import dev.andon.rules.support.SampleRules;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sandbox gate costs at upload: the check of each sample rules file (DRL as uploaded, tables as the DRL they
 * generate), against one full compile of the same ruleset. Run: ./andon bench sandbox [iterations]
 */
public final class SandboxCheckBench {

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Map<String, String> drl = new LinkedHashMap<>();
        SampleRules.bundle().files().forEach((name, bytes) -> {
            if (name.endsWith(".drl")) {
                drl.put(name, new String(bytes, StandardCharsets.UTF_8));
            } else {
                InputType type = name.endsWith(".csv") ? InputType.CSV : InputType.XLS;
                drl.put(name + " (generated DRL)", new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type));
            }
        });
        for (int i = 0; i < iterations / 4; i++) {
            drl.values().forEach(DrlSafetyCheck::check);
        }
        long total = 0;
        System.out.printf("sandbox check, %d iterations after %d warm-up%n", iterations, iterations / 4);
        for (Map.Entry<String, String> e : drl.entrySet()) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                if (!DrlSafetyCheck.check(e.getValue()).isEmpty()) {
                    throw new IllegalStateException(e.getKey() + " does not pass the check");
                }
            }
            long perCheck = (System.nanoTime() - start) / iterations;
            total += perCheck;
            System.out.printf("  %-34s %6d lines %8.1f µs per check%n", e.getKey(), e.getValue().split("\n").length,
                    perCheck / 1000.0);
        }
        System.out.printf("  %-34s %15s %8.2f ms per check%n", "whole sample ruleset", "", total / 1e6);
        try (RulesetCompiler compiler = new RulesetCompiler()) {
            long start = System.nanoTime();
            compiler.compile("bench", new RuleBundle(SampleRules.bundle().files()));
            System.out.printf("  %-34s %15s %8.0f ms (first build in this JVM, check included)%n", "full compile",
                    "", (System.nanoTime() - start) / 1e6);
            Map<String, byte[]> changed = new LinkedHashMap<>(SampleRules.bundle().files());
            changed.put("bench.drl", "package plant.bench;\n".getBytes(StandardCharsets.UTF_8));
            changed.put("runbooks.drl", (new String(changed.get("runbooks.drl"), StandardCharsets.UTF_8) + "\n// changed\n")
                    .getBytes(StandardCharsets.UTF_8));
            changed.remove("bench.drl");
            start = System.nanoTime();
            compiler.compile("bench2", new RuleBundle(changed));
            System.out.printf("  %-34s %15s %8.0f ms (second build, check included)%n", "full compile", "",
                    (System.nanoTime() - start) / 1e6);
        }
    }
}
