package dev.andon.rules.support;

import dev.andon.core.plant.Plant;
import dev.andon.core.plant.ShiftRoster;
import dev.andon.core.skills.Qualifications;
import dev.andon.rules.decision.AssigneeResolver;
import dev.andon.rules.decision.DecisionAssembler;
import dev.andon.rules.decision.EvaluationProblems;
import dev.andon.rules.decision.FactBuilder;
import dev.andon.rules.decision.FallbackDecisions;
import dev.andon.rules.decision.RunbookDecider;
import dev.andon.rules.engine.RunbookEngine;

/** A {@link RunbookDecider} wired for a plant, as the facade wires it. */
public final class Deciders {
    private Deciders() {
    }

    public static RunbookDecider forPlant(Plant plant, EvaluationProblems problems) {
        ShiftRoster roster = new ShiftRoster(plant);
        AssigneeResolver people = new AssigneeResolver(roster, Qualifications.fromPlant(plant));
        return new RunbookDecider(plant, new FactBuilder(plant, roster, people), new RunbookEngine(1000),
                new DecisionAssembler(people), new FallbackDecisions(roster, people), problems);
    }
}
