package dev.andon.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat answer links to the cited section as a readable page, and that page shows the section as written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionPagesTest {
    @TempDir
    static Path dataDir;
    RunningAndon andon;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        andon = RunningAndon.start(dataDir);
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.header("Authorization", "Bearer " + andon.tokenFor("anna.rossi")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLinkInAChatAnswerOpensTheSectionAsAPage() throws Exception {
        HttpResponse<String> chat = send(HttpRequest.newBuilder(URI.create(andon.url("/api/chat")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"what is the torque for the lower die clamp bolts?\","
                        + "\"userId\":\"anna.rossi\",\"role\":\"operator\",\"line\":\"L2\"}")));
        assertThat(chat.statusCode()).isEqualTo(200);
        Matcher link = Pattern.compile("/knowledge/documents/[^\\s\"\\\\]+").matcher(chat.body());
        assertThat(link.find()).as("a page link in %s", chat.body()).isTrue();

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(andon.url(link.group()))).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).startsWith("<!doctype html>").contains("<h2>§").contains("version").contains("<td>240 N·m</td>");
    }

    @Test
    void nobodySignedInGetsNoPage() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(andon.url(
                "/knowledge/documents/LOTO-PRESS-01/sections/4.1?version=3.2"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownSectionIsA404() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(andon.url(
                "/knowledge/documents/LOTO-PRESS-01/sections/99?version=3.2"))).GET());
        assertThat(page.statusCode()).isEqualTo(404);
    }
}
