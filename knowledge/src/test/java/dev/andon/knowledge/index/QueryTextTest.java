package dev.andon.knowledge.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Floor phrasing of numbers and units meets the way documents and their tables write them. */
class QueryTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2 inch bar|2 inch inches bar",
            "2\" bar|2 inch inches bar",
            "2in bar|2 inch inches bar",
            "a 36 ft ladder|a 36 feet foot ladder",
            "8 hr shift|8 hours shift",
            "95 dB|95 dB dBA sound level",
            "200 lbs load|200 pounds load",
            "50 mm bar|50 mm millimeters bar"})
    void unitsAreSpelledAsDocumentsWriteThem(String asked, String seen) {
        assertThat(QueryText.withUnits(asked)).isEqualToIgnoringCase(seen);
    }

    @Test
    void inAsAWordIsNotAnInch() {
        assertThat(QueryText.withUnits("work 10 in a row")).isEqualTo("work 10 in a row");
    }

    @Test
    void floorWordsAlsoReadAsTheDocumentsWriteThem() {
        assertThat(QueryText.forMeaning("forklift lanes are full of pallets", FloorWords.STANDARD))
                .isEqualTo("forklift powered industrial truck mechanical handling equipment lanes aisle passageway are full of pallets");
        assertThat(QueryText.forMeaning("the walkway by line 2 is blocked", FloorWords.STANDARD))
                .isEqualTo("the walkway aisle passageway by line 2 is blocked obstruction kept clear");
    }

    @Test
    void aPhraseCanBeTheFloorWord() {
        assertThat(QueryText.forMeaning("the checker keeps kicking out good parts", FloorWords.STANDARD))
                .isEqualTo("the checker keeps kicking out reject rejected good parts");
    }

    @Test
    void anAbbreviationAlsoReadsSpelledOut() {
        assertThat(QueryText.forMeaning("which ANSI standard for the face shield", FloorWords.STANDARD))
                .isEqualTo("which ansi american national standards institute standard for the face shield");
    }

    @Test
    void wordsThatOnlyContainAFloorWordAreLeftAlone() {
        assertThat(QueryText.forMeaning("the planes and flanes", FloorWords.STANDARD)).isEqualTo("the planes and flanes");
        assertThat(QueryText.forMeaning("check the loudspeaker", FloorWords.STANDARD)).isEqualTo("check the loudspeaker");
    }

    @Test
    void keywordSearchSeesTheDocumentsWordsToo() {
        assertThat(QueryText.forKeywords("walkway blocked?", FloorWords.STANDARD)).contains("passageway").contains("obstruction");
    }

    @Test
    void keywordSearchAlsoSeesTwoWordsClosedUpAsOne() {
        assertThat(QueryText.forKeywords("tallest wooden step ladder", FloorWords.STANDARD)).isEqualTo("tallest wooden step ladder tallestwooden woodenstep stepladder");
        assertThat(QueryText.forMeaning("tallest wooden step ladder", FloorWords.STANDARD)).doesNotContain("stepladder");
    }

    @Test
    void conversationalFillerDoesNotReachKeywordSearch() {
        assertThat(QueryText.forKeywords("got a pile of 2 inch bar to cut, what blade do I want on it?", FloorWords.STANDARD))
                .isEqualTo("a of 2 inch inches bar to cut blade");
        assertThat(QueryText.forKeywords("what's the deal with the guard?", FloorWords.STANDARD)).isEqualTo("the with the guard");
    }

    @Test
    void aQuestionOfOnlyFillerIsKeptWhole() {
        assertThat(QueryText.forKeywords("what do I do?", FloorWords.STANDARD)).isEqualTo("what do i do?");
    }
}
