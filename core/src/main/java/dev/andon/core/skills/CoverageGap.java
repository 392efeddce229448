package dev.andon.core.skills;

import java.time.LocalDate;
import java.util.List;

/**
 * On {@code day}, shift {@code shift}, line {@code line}: nobody on shift can do {@code skill}. {@code inTraining}
 * names who is learning it there; {@code text} says it in one sentence for pages, chat and handover.
 */
public record CoverageGap(LocalDate day, String shift, String line, String skill, String skillName, SkillKind kind,
                          List<String> inTraining, String text) {
}
