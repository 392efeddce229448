package dev.andon.assistant.intent;

import dev.andon.assistant.SamplePlant;
import dev.andon.core.plant.PlantLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names as people write them, resolved against the sample plant. */
class PlantEntityExtractorTest {
    private final PlantEntityExtractor extractor = new PlantEntityExtractor(new PlantLoader().load(SamplePlant.PLANT_FILE));

    @Test
    void stationsAreFoundHoweverTheyAreWritten() {
        for (String text : new String[]{"press 3", "Press-3", "press3", "the hydraulic press 3", "PRESS #3"}) {
            Mentions m = extractor.extract("vibration on " + text, null);
            assertThat(m.station()).as(text).isEqualTo("press-3");
            assertThat(m.stationLine()).isEqualTo("L2");
        }
        assertThat(extractor.extract("and station 4?", null).station()).isEqualTo("station-4");
        assertThat(extractor.extract("the coil feeder 1 jams", null).station()).isEqualTo("coil-1");
        assertThat(extractor.extract("feeder 1 jams", null).station()).isEqualTo("feeder-1");
    }

    @Test
    void equipmentNamesPointAtTheirStationWhenUnambiguousOnTheLine() {
        assertThat(extractor.extract("the die is cracked", null).station()).isEqualTo("press-3");
        assertThat(extractor.extract("the camera is dirty", "L1").station()).isEqualTo("vision-4");
        assertThat(extractor.extract("the camera is dirty", "L2").station()).isEqualTo("vision-5");
        assertThat(extractor.extract("the camera is dirty", null).station()).isNull();
        assertThat(extractor.extract("status of press line 2", null).station()).isNull();
    }

    @Test
    void linesAlertsAndRoles() {
        Mentions m = extractor.extract("what about alert #42 on line 2, as a team leader", null);
        assertThat(m.line()).isEqualTo("L2");
        assertThat(m.alertId()).isEqualTo("42");
        assertThat(m.role()).isEqualTo("team-leader");
        assertThat(extractor.extract("status of L1", null).line()).isEqualTo("L1");
        assertThat(extractor.extract("what is open on my line", null).myLine()).isTrue();
    }

    @Test
    void namesThatAreNotInThePlantAreReportedNotGuessed() {
        Mentions m = extractor.extract("is press 7 running on L9?", null);
        assertThat(m.line()).isNull();
        assertThat(m.unknownLine()).isEqualTo("L9");
        assertThat(m.station()).isNull();
        assertThat(m.unknownStation()).isEqualTo("press 7");
        assertThat(extractor.extract("onboard me as a pilot", null).unknownRole()).isEqualTo("pilot");
    }

    @Test
    void placeNamesCanBeRemovedForAFollowUpQuery() {
        assertThat(extractor.withoutPlaceNames("how do I change the die on press 3 on L2?")).isEqualTo("how do I change the die on on ?");
    }
}
