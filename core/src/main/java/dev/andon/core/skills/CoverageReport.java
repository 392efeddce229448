package dev.andon.core.skills;

import java.time.LocalDate;
import java.util.List;

/** Coverage of required skills for {@code days} days from {@code from}: every gap, and how many line-shifts were checked. */
public record CoverageReport(LocalDate from, int days, List<String> lines, int shiftsChecked, int skillChecks,
                             List<CoverageGap> gaps) {
}
