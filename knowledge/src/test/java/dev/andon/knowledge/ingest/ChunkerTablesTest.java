package dev.andon.knowledge.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long table is cut between rows, and every piece keeps the header that says what the columns mean. */
class ChunkerTablesTest {

    @Test
    void everyRowChunkCarriesTheTableHeader() {
        List<String> rows = new ArrayList<>();
        rows.add("|Bar diameter|Blade pitch (TPI)|");
        rows.add("|---|---|");
        for (int i = 1; i <= 60; i++) {
            rows.add("|" + i + " inch|" + (i % 14 + 4) + " TPI, cut slowly and keep the coolant flowing|");
        }
        String table = String.join("\n", rows);
        List<String> chunks = new Chunker(400).chunk(List.of(new TextBlock("Pick the blade by diameter.", false),
                new TextBlock(table, false)));

        assertThat(chunks).hasSizeGreaterThan(3);
        List<String> tableChunks = chunks.stream().filter(c -> c.contains("TPI, cut")).toList();
        assertThat(tableChunks).allSatisfy(c -> assertThat(c).contains("|Bar diameter|Blade pitch (TPI)|\n|---|---|\n"));
        assertThat(tableChunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(400 + 30));
        // nothing lost, nothing doubled: every row appears in exactly one chunk
        for (int i = 1; i <= 60; i++) {
            String row = "|" + i + " inch|";
            assertThat(chunks.stream().filter(c -> c.contains("\n" + row)).count()).as(row).isEqualTo(1);
        }
    }

    @Test
    void aShortTableStaysWhole() {
        String table = "|Duration per day, hours|Sound level dBA|\n|---|---|\n|8|90|\n|4|95|";
        assertThat(new Chunker(1200).chunk(List.of(new TextBlock(table, false)))).containsExactly(table);
    }
}
