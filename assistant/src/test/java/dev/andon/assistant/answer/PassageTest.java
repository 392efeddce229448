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

    static final String NOISE_TABLE = """
            (d)(1) In all cases where the sound levels exceed the values shown herein, a continuing, effective hearing conservation program shall be administered.

            |Duration per day, hours|Sound level dBA slow response|
            |-----------------------|-----------------------------|
            |           8           |             90              |
            |           6           |             92              |
            |           4           |             95              |
            |           2           |             100             |
            |          1/2          |             110             |

            (2)(i) When the daily noise exposure is composed of two or more periods of noise exposure of different levels, their combined effect should be considered.""";

    @Test
    void aHeaderRowThatMatchesBestIsNotQuotedWithoutItsRows() {
        // the header shares six words with the question, the row only its figure: the row still carries the answer
        String q = "the meter reads 100 dBA on slow response, what's the allowed duration per day in hours";
        String p = Passage.answering(NOISE_TABLE, "Occupational noise exposure\n(d)", QueryTerms.of(q, List.of()), q, 3, 700);
        assertThat(p).contains("|Duration per day, hours|Sound level dBA slow response|")
                .contains("|           2           |             100             |")
                .doesNotContain("|           8           |");
    }

    @Test
    void aTableAskedAboutByItsHeaderIsQuotedWithItsRows() {
        String q = "how many hours a day can we work in the loud area";
        String p = Passage.answering(NOISE_TABLE, "Occupational noise exposure\n(d)", QueryTerms.of(q, List.of()), q, 3, 700);
        assertThat(p).contains("|Duration per day, hours|Sound level dBA slow response|")
                .contains("|           8           |             90              |")
                .contains("|          1/2          |             110             |");
    }

    @Test
    void aTableTooLongForThePassageStillBringsItsFirstRow() {
        String q = "how many hours a day can we work in the loud area";
        String p = Passage.answering(NOISE_TABLE, "", QueryTerms.of(q, List.of()), q, 3, 60);
        assertThat(p.lines().filter(l -> l.startsWith("|")).count()).isGreaterThanOrEqualTo(3);
        assertThat(p).contains("|           8           |             90              |");
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

    @Test
    void wordsNamingTheSectionsTopicDoNotChooseTheSentence() {
        String text = "The ladder shall be made of metal of sufficient strength and protected against corrosion.\n\n"
                + "(v) Rungs shall be knurled or coated with skid-resistant material to minimise slipping.";
        String q = "rungs on my metal ladder are slippy";
        String p = Passage.answering(text, "Portable metal ladders\n(1) General", QueryTerms.of(q, List.of()), q, 1, 300);
        assertThat(p).isEqualTo("(v) Rungs shall be knurled or coated with skid-resistant material to minimise slipping.");
    }

    @Test
    void aSentenceLeadingIntoAListBringsTheList() {
        String text = "(b) At least one hand extinguisher shall be located in the passenger cabin -\n\n"
                + "(1) Of each aircraft carrying more than 6 passengers; and\n\n(2) Of each commuter aircraft.";
        String q = "do I need an extinguisher in the cabin with 8 seats";
        String p = Passage.answering(text, "Fire extinguishers\n(b)", QueryTerms.of(q, List.of()), q, 1, 300);
        assertThat(p).contains("passenger cabin -").contains("more than 6 passengers").contains("commuter aircraft");
    }

    @Test
    void aQuestionForAnAmountGetsTheSentenceWithTheFigure() {
        String text = "Stepladders shall be kept in good repair. Stepladders longer than 20 feet shall not be supplied.";
        String q = "what is the tallest stepladder we can buy";
        String p = Passage.answering(text, "Wood ladders\n(c) Construction", QueryTerms.of(q, List.of()), q, 1, 300);
        assertThat(p).isEqualTo("Stepladders longer than 20 feet shall not be supplied.");
    }

    @Test
    void aLongParagraphIsQuotedBySentence() {
        String text = "(a) *General.* These rules apply to every portable ladder used in the plant, whatever its material, "
                + "length or maker, and to every person who uses one at work or on a site. The employer keeps a record of "
                + "each ladder and its inspections. Ladders with cracked rails shall be tagged out and removed from service at once.";
        String q = "cracked rail on a ladder, can I still use it";
        String p = Passage.answering(text, "Ladders", QueryTerms.of(q, List.of()), q, 1, 300);
        assertThat(p).isEqualTo("Ladders with cracked rails shall be tagged out and removed from service at once.");
    }
}
