package dev.andon.knowledge;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.identity.Principal;
import dev.andon.knowledge.index.FloorWords;
import dev.andon.knowledge.index.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.andon.knowledge.Docs.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A plant's own names for its machines and things, from its words file, reach the documents that use the real names. */
class PlantFloorWordsTest {
    static final Principal AUTHOR = Principal.person("rita.author", "Rita Author", Set.of("runbook-author"), Set.of(), true);
    static final String PRESS_GUIDE = """
            # P-300 hydraulic press

            ## Lubrication

            Apply lithium EP2 to the ram guides every 40 operating hours and log it on the press card.
            """;

    @TempDir
    Path tmp;

    private List<SearchHit> askAboutTheBeast(FloorWords words, String folder) {
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve(folder + "-docs"), tmp.resolve(folder + "-index"),
                KnowledgeFixtures.options().floorWords(words).build())) {
            kb.upload(AUTHOR, DocumentUpload.of("press-p300.md", bytes(PRESS_GUIDE)));
            kb.upload(AUTHOR, DocumentUpload.of("bandsaw.md", bytes(DocumentsAsTheyAreTest.WIKI_PAGE)));
            return kb.search(SearchRequest.of("when is the beast due", 3), SearchMode.BM25);
        }
    }

    @Test
    void aMachinesNicknameFindsTheDocumentThatUsesItsName() throws IOException {
        Path file = Files.writeString(tmp.resolve("words.txt"), """
                # our names for things
                the beast, big press = P-300 hydraulic press
                """);

        List<SearchHit> withWords = askAboutTheBeast(FloorWords.standardAnd(file), "with");
        List<SearchHit> without = askAboutTheBeast(FloorWords.STANDARD, "without");

        assertThat(withWords).isNotEmpty();
        assertThat(withWords.get(0).title()).contains("P-300");
        assertThat(without).noneMatch(h -> h.title().contains("P-300"));
    }

    @Test
    void aLineThatIsNotAnEntryIsRefusedWithItsFileAndLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("words.txt"), """
                big press = P-300 hydraulic press
                the beast
                 = nothing spoken
                """);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> FloorWords.standardAnd(file));

        assertThat(e.problems()).extracting(p -> p.field()).containsExactly("words.txt:2", "words.txt:3");
    }
}
