package dev.andon.assistant.answer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTermsTest {
    @Test
    void keepsTheWordsThatCarryTheQuestion() {
        assertThat(QueryTerms.of("What is the torque for the lower die clamp bolts on press 3?", List.of("press-3", "Hydraulic press 3")))
                .containsExactly("torque", "lower", "die", "clamp", "bolts");
    }

    @Test
    void aSectionCoversAQuestionOnlyWhenItHasItsWords() {
        List<String> terms = QueryTerms.of("how do I calibrate the laser marker", List.of());
        assertThat(QueryTerms.matched(terms, "Daily calibration check: mark the alert as false alarm")).isEqualTo(1);
        assertThat(QueryTerms.matched(List.of("vibrating", "clamps"), "abnormal vibration; check the die clamp")).isEqualTo(2);
    }

    @Test
    void aCompoundWordContainsItsLastWord() {
        assertThat(QueryTerms.matched(List.of("ladder"), "Stepladders longer than 20 feet shall not be supplied.")).isEqualTo(1);
        assertThat(QueryTerms.matched(List.of("guard"), "a safeguard on the belt")).isEqualTo(1);
    }

    @Test
    void aPluralKeepsTheEOfItsWord() {
        assertThat(QueryTerms.matched(List.of("brake"), "Press brakes are excluded")).isEqualTo(1);
        assertThat(QueryTerms.matched(List.of("switch"), "both foot switches")).isEqualTo(1);
    }

    @Test
    void aShortWordMeetsItsPlural() {
        assertThat(QueryTerms.matched(List.of("pit"), "the hazards of open pits, tanks, vats")).isEqualTo(1);
        assertThat(QueryTerms.matched(List.of("vats"), "a vat left open")).isEqualTo(1);
        assertThat(QueryTerms.matched(List.of("pit"), "a pin in the die")).isZero();
    }

    @Test
    void whatAnApostropheLeavesIsNotAWord() {
        assertThat(QueryTerms.of("tallest ladder we're allowed, you'll say", List.of())).containsExactly("tallest", "ladder", "allowed");
    }
}
