package dev.andon.assistant.answer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The passage that opens an answer is the part of the section that answers, quoted exactly. */
class PassageTest {
    static final String NOISE = """
            (d)(1) In all cases where the sound levels exceed the values shown herein, a continuing, effective hearing conservation program shall be administered.

            |Duration per day, hours|Sound level dBA slow response|
            |-----------------------|-----------------------------|
            |           8           |             90              |
            |           4           |             95              |
            |          1/2          |             110             |

            (2)(i) When the daily noise exposure is composed of two or more periods of noise exposure of different levels, their combined effect should be considered.""";

    @Test
    void aTableRowComesWithItsHeader() {
        String q = "how long can a guy work at 95 dB without ear muffs";
        String p = Passage.answering(NOISE, QueryTerms.of(q, List.of()), q, 3, 700);
        assertThat(p).contains("|Duration per day, hours|Sound level dBA slow response|")
                .contains("|           4           |             95              |")
                .doesNotContain("110");
        assertThat(NOISE).contains(p.lines().filter(l -> l.startsWith("|")).toList().get(0));
    }

    @Test
    void sentencesAreQuotedAsWrittenAndInTheirOrder() {
        String text = "(4) *Work rests.* On offhand grinding machines, work rests shall be used to support the work. "
                + "They shall be of rigid construction. Work rests shall be kept adjusted closely to the wheel with a maximum "
                + "opening of one-eighth inch. The adjustment shall not be made with the wheel in motion.";
        String q = "gap between the tool rest and the grinding wheel, how tight";
        String p = Passage.answering(text, QueryTerms.of(q, List.of()), q, 2, 700);
        assertThat(p).contains("Work rests shall be kept adjusted closely to the wheel with a maximum opening of one-eighth inch.");
        for (String part : p.split("\n(\\[…]\n)?")) {
            assertThat(text).contains(part);
        }
    }

    @Test
    void nothingSharedMeansNoPassage() {
        assertThat(Passage.answering(NOISE, List.of("forklift"), "forklift", 3, 700)).isEmpty();
    }
}
