package dev.andon.assistant.intent;

import dev.andon.assistant.SamplePlant;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.PlantLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What people type on the floor, and the intent it must be recognised as — with and without embeddings. */
class IntentRecognizerTest {
    static Plant plant;
    static PlantEntityExtractor extractor;
    static IntentRecognizer withEmbeddings;
    static IntentRecognizer patternsOnly;

    @BeforeAll
    static void setUp() {
        plant = new PlantLoader().load(SamplePlant.PLANT_FILE);
        extractor = new PlantEntityExtractor(plant);
        withEmbeddings = new IntentRecognizer(new EmbeddingIntentClassifier(SamplePlant.embeddingModel(), IntentExamples.defaults()));
        patternsOnly = new IntentRecognizer(null);
    }

    private static Intent recognise(IntentRecognizer r, String message) {
        return r.recognize(message, extractor.extract(message, "L2"), null, false).intent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what about alert 42?|ALERT_HELP",
            "press-3 on L2 is flagging vibration, what do I do?|ALERT_HELP",
            "the coil feeder is showing a temperature warning, what should I do|ALERT_HELP",
            "how do I change the die on press 3?|KNOWLEDGE",
            "what is the torque for the lower die clamp bolts?|KNOWLEDGE",
            "how do I check the spindle noise on station 4?|KNOWLEDGE",
            "what PPE do I need in the stamping area?|KNOWLEDGE",
            "status of L2|LINE_STATUS",
            "what is open on my line|LINE_STATUS",
            "is press 3 running?|LINE_STATUS",
            "summarise this shift|SHIFT_SUMMARY",
            "give me a recap of the shift so far|SHIFT_SUMMARY",
            "onboard me as an operator on L2|ONBOARDING",
            "I'm new here, what should I read?|ONBOARDING",
            "acknowledge alert 42|ACKNOWLEDGE",
            "ack #7|ACKNOWLEDGE",
            "add a handover note: coil changed at 10:00|HANDOVER_NOTE",
            "hello|HELP",
            "who is the team leader?|ON_SHIFT",
            "who is on call for maintenance?|ON_SHIFT",
            "come si avvia la pressa 3 a inizio turno?|KNOWLEDGE",
            "which documents should I read first?|ONBOARDING",
    })
    void recognisesWhatPeopleAskWithEmbeddings(String message, Intent expected) {
        assertThat(recognise(withEmbeddings, message)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what about alert 42?|ALERT_HELP",
            "press-3 on L2 is flagging vibration, what do I do?|ALERT_HELP",
            "how do I change the die on press 3?|KNOWLEDGE",
            "status of L2|LINE_STATUS",
            "what is open on my line|LINE_STATUS",
            "summarise this shift|SHIFT_SUMMARY",
            "onboard me as an operator on L2|ONBOARDING",
            "acknowledge alert 42|ACKNOWLEDGE",
            "add a handover note: coil changed|HANDOVER_NOTE",
    })
    void patternsAloneStillRecogniseEveryIntent(String message, Intent expected) {
        assertThat(recognise(patternsOnly, message)).isEqualTo(expected);
    }

    @Test
    void howToAcknowledgeIsAQuestionNotAnAction() {
        assertThat(recognise(withEmbeddings, "how do I acknowledge an alert in Andon?")).isEqualTo(Intent.KNOWLEDGE);
    }

    @Test
    void yesIsAConfirmationAndNoCancelsOnlyWhenSomethingIsPending() {
        Mentions none = Mentions.none();
        assertThat(withEmbeddings.recognize("yes", none, null, true).intent()).isEqualTo(Intent.CONFIRM);
        assertThat(withEmbeddings.recognize("Yes, please!", none, null, false).intent()).isEqualTo(Intent.CONFIRM);
        assertThat(withEmbeddings.recognize("no", none, null, true).intent()).isEqualTo(Intent.CANCEL);
        assertThat(withEmbeddings.recognize("yes but what about alert 43", extractor.extract("yes but what about alert 43", null), null, true).intent())
                .isEqualTo(Intent.ALERT_HELP);
    }

    @Test
    void aShortMessageNamingAPlaceContinuesThePreviousQuestion() {
        Recognition r = withEmbeddings.recognize("and station 4?", extractor.extract("and station 4?", "L2"), Intent.LINE_STATUS, false);
        assertThat(r.intent()).isEqualTo(Intent.LINE_STATUS);
        assertThat(r.followUp()).isTrue();
        Recognition fresh = withEmbeddings.recognize("and station 4?", extractor.extract("and station 4?", "L2"), null, false);
        assertThat(fresh.followUp()).isFalse();
    }

    /** Asking for plant data in other words still reaches that data. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I am a new starter on the stamping line|ONBOARDING",
            "what should a new joiner on L2 read first|ONBOARDING",
            "which alerts were raised on my shift|SHIFT_SUMMARY",
            "acknowledge alert 42, I'm on it|ACKNOWLEDGE"})
    void plantDataAskedForInOtherWords(String message, Intent expected) {
        assertThat(recognise(withEmbeddings, message)).as(message).isEqualTo(expected);
    }

    /** General shop questions go to the documents: never "Which line?", a shift summary or a reading list. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "which drill bit do I want for stainless",
            "got a pile of 2 inch bar to cut, what blade do I want on it?",
            "8 hr shift, what's the max noise level allowed",
            "master part check on the camera at the start of shift",
            "who checks that every closed alert got feedback",
            "can the handover note be edited after the next shift accepted it?",
            "somebody kicked the foot switch by accident and the press cycled",
            "can I wear a ring when running the lathe",
            "how do we add a new hire to the weekend rota",
            "can I trade my shift with a colleague next week",
            "as team leader, how do I acknowledge an alert for my crew"})
    void generalShopQuestionsAreKnowledgeQuestions(String message) {
        Intent intent = withEmbeddings.recognize(message, extractor.extract(message, null), null, false).intent();
        assertThat(intent).as(message).isIn(Intent.KNOWLEDGE, Intent.ALERT_HELP);
    }
}
