package dev.andon.rules.decision;

import dev.andon.core.alert.Alert;
import dev.andon.core.alert.Decision;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Station;
import dev.andon.rules.engine.CompiledRuleset;
import dev.andon.rules.engine.RuleRun;
import dev.andon.rules.engine.RunbookEngine;
import dev.andon.rules.silence.Silence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides one alert with a given ruleset: facts in, rules run, decision out. Whatever goes wrong in the rules (a
 * runaway rule, an exception, no runbook chosen) ends in the fallback decision, reported, never in a lost alert.
 */
public final class RunbookDecider {
    /** Fallback flag of a decision whose evaluation went over its {@link dev.andon.rules.engine.EvaluationBudget}. */
    public static final String OVER_BUDGET = "over-budget";
    private static final Logger LOG = LoggerFactory.getLogger(RunbookDecider.class);

    private final Plant plant;
    private final FactBuilder facts;
    private final RunbookEngine engine;
    private final DecisionAssembler assembler;
    private final FallbackDecisions fallback;
    private final EvaluationProblems problems;

    public RunbookDecider(Plant plant, FactBuilder facts, RunbookEngine engine, DecisionAssembler assembler,
                          FallbackDecisions fallback, EvaluationProblems problems) {
        this.plant = plant;
        this.facts = facts;
        this.engine = engine;
        this.assembler = assembler;
        this.fallback = fallback;
        this.problems = problems;
    }

    public Decision decide(CompiledRuleset ruleset, Alert alert, DecisionInputs in, List<Silence> silences) {
        if (ruleset == null) {
            return fallback.decide(alert, "no-ruleset", "No ruleset is active.", null, in.at());
        }
        Station station = plant.line(alert.line()).flatMap(l -> l.station(alert.station())).orElse(null);
        if (station == null) {
            return fallback.decide(alert, "rules-error", "Station " + alert.line() + "/" + alert.station()
                    + " is not in the plant file.", ruleset.version(), in.at());
        }
        RuleRun run;
        try {
            run = engine.run(ruleset, facts.facts(alert, in, silences));
        } catch (RuntimeException e) {
            String detail = rootMessage(e);
            LOG.warn("rules {} failed on alert {}: {}", ruleset.version(), alert.id(), detail, e);
            problems.report(new EvaluationProblems.EvaluationProblem(in.at(), alert.id(), ruleset.version(), "rules-error", detail));
            return fallback.decide(alert, "rules-error", "The rules failed on this alert (" + detail + ").",
                    ruleset.version(), in.at());
        }
        if (run.overBudget() != null) {
            String detail = "evaluation stopped: it " + run.overBudget();
            LOG.warn("ruleset {} over its evaluation budget on alert {}: {}", ruleset.version(), alert.id(), detail);
            problems.report(new EvaluationProblems.EvaluationProblem(in.at(), alert.id(), ruleset.version(), OVER_BUDGET, detail));
            return fallback.decide(alert, OVER_BUDGET, "The rules went over their budget: " + detail + ".", ruleset.version(), in.at());
        }
        if (run.cutOff()) {
            String detail = "rule '" + run.busiestRule() + "' fired " + run.busiestRuleFirings() + " times; evaluation stopped at the limit of "
                    + engine.firingLimit() + " firings";
            LOG.warn("runaway rule in ruleset {} on alert {}: {}", ruleset.version(), alert.id(), detail);
            problems.report(new EvaluationProblems.EvaluationProblem(in.at(), alert.id(), ruleset.version(), "runaway-rule", detail));
            return fallback.decide(alert, "runaway-rule", "A runaway rule was cut off: " + detail + ".", ruleset.version(), in.at());
        }
        if (!run.draft().getRunbook().isChosen() || run.draft().getRunbook().getOwnerRole() == null) {
            String detail = "no routing rule chose a runbook and an owner for " + alert.type() + " on " + alert.line() + "/" + alert.station();
            problems.report(new EvaluationProblems.EvaluationProblem(in.at(), alert.id(), ruleset.version(), "no-runbook", detail));
            return fallback.decide(alert, "no-runbook", "No runbook matched: " + detail + ".", ruleset.version(), in.at());
        }
        Set<String> extra = new LinkedHashSet<>();
        if (in.flapping()) {
            extra.add("flapping");
        }
        if (!silences.isEmpty()) {
            extra.add("silenced");
        }
        return assembler.assemble(alert, station, run.draft(), extra, ruleset.version(), in.at());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
