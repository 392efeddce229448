package dev.andon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replay over the API: the AI4I 2020 data set with its shipped mapping makes the decisions the sample runbooks
 * prescribe; a file refused as a whole writes nothing; bad lines are reported one by one; paced replays run as jobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayApiTest {
    static final Path AI4I = Path.of("/work/shared/data/ai4i2020/ai4i2020.csv");
    static final Path MAPPING = Path.of("../sample-plant/replay/ai4i2020.yaml");
    final ObjectMapper json = new ObjectMapper();
    @TempDir
    static Path dir;
    RunningAndon andon;
    String roberta;

    @BeforeAll
    void start() {
        andon = RunningAndon.start(dir);
        roberta = andon.tokenFor("roberta.fontana");
    }

    @AfterAll
    void stop() {
        andon.close();
    }

    HttpResponse<String> replay(String query, byte[] recording, byte[] mapping, String token) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "recording", "recording.csv", recording);
        if (mapping != null) {
            part(body, boundary, "mapping", "mapping.yaml", mapping);
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(andon.url("/api/replay" + query)))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void part(ByteArrayOutputStream out, String boundary, String name, String file, byte[] content) throws Exception {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    int stored() throws Exception {
        return json.readTree(Http.get(andon.url("/api/alerts?limit=100000"), roberta).body()).path("count").asInt();
    }

    @Test
    void theAi4iDataSetReplaysIntoTheDecisionsTheRunbooksPrescribe() throws Exception {
        List<String> rows = Files.readAllLines(AI4I);
        Map<String, Integer> expected = new HashMap<>();
        String[] types = {"tool-wear", "temperature-drift", "power-failure-risk", "vibration-anomaly", "andon-cord"};
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            for (int i = 0; i < 5; i++) {
                if (f[9 + i].equals("1")) {
                    expected.merge(types[i], 1, Integer::sum);
                }
            }
        }
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(373);

        HttpResponse<String> r = replay("?speed=max", Files.readAllBytes(AI4I), Files.readAllBytes(MAPPING), roberta);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json.readTree(r.body());
        assertThat(report.path("rows").asInt()).isEqualTo(10_000);
        assertThat(report.path("alerts").asInt()).isEqualTo(373);
        assertThat(report.path("accepted").asInt()).isEqualTo(373);
        assertThat(report.path("rejected")).isEmpty();

        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode id : report.path("acceptedIds")) {
            byId.computeIfAbsent(id.asText(), k -> {
                try {
                    return json.readTree(Http.get(andon.url("/api/alerts/" + k), roberta).body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Map<String, Integer> occurrences = new HashMap<>();
        byId.values().forEach(a -> occurrences.merge(a.path("alert").path("type").asText(),
                a.path("occurrences").asInt(), Integer::sum));
        // Every replayed alert is in Andon, as an alert or as a counted repeat of an open one.
        assertThat(occurrences).isEqualTo(expected);
        for (JsonNode a : byId.values()) {
            String type = a.path("alert").path("type").asText();
            JsonNode d = a.path("decision");
            String[] runbookAndOwner = switch (type) {
                case "tool-wear" -> new String[]{"tool-wear-action", "operator"};
                case "power-failure-risk" -> new String[]{"power-risk-action", "maintenance"};
                case "temperature-drift" -> new String[]{"temperature-action", "maintenance"};
                case "vibration-anomaly" -> new String[]{"vibration-action", "maintenance"};
                default -> new String[]{"andon-cord", "team-leader"};
            };
            assertThat(d.path("runbook").asText()).as(type).isEqualTo(runbookAndOwner[0]);
            assertThat(d.path("ownerRole").asText()).as(type).isEqualTo(runbookAndOwner[1]);
            assertThat(d.path("assignee").path("person").asText()).as(type).isNotBlank();
        }
    }

    @Test
    void aFileRefusedAsAWholeWritesNothing() throws Exception {
        int before = stored();
        StringBuilder big = new StringBuilder();
        String line = "{\"source\":\"vision-model\",\"line\":\"L1\",\"station\":\"vision-4\",\"type\":\"vision-defect\","
                + "\"severity\":\"medium\",\"confidence\":0.91,\"timestamp\":\"2025-03-01T10:00:00Z\"}\n";
        for (int i = 0; i < 10_001; i++) {
            big.append(line);
        }
        HttpResponse<String> tooMany = replay("", big.toString().getBytes(StandardCharsets.UTF_8), null, roberta);
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(413);
        assertThat(stored()).isEqualTo(before);

        byte[] latin1 = (line + "{\"source\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> notUtf8 = replay("", latin1, null, roberta);
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("not valid UTF-8", "line 2");
        assertThat(stored()).isEqualTo(before);

        HttpResponse<String> badMapping = replay("", Files.readAllBytes(AI4I),
                "format: csv\nline: {value: L2}\n".getBytes(StandardCharsets.UTF_8), roberta);
        assertThat(badMapping.statusCode()).isEqualTo(400);
        assertThat(badMapping.body()).contains("mapping.station");
        HttpResponse<String> badSpeed = replay("?speed=fast", line.getBytes(StandardCharsets.UTF_8), null, roberta);
        assertThat(badSpeed.statusCode()).isEqualTo(400);
        assertThat(stored()).isEqualTo(before);

        assertThat(replay("", line.getBytes(StandardCharsets.UTF_8), null, andon.tokenFor("anna.rossi")).statusCode())
                .isEqualTo(403);
        assertThat(replay("", line.getBytes(StandardCharsets.UTF_8), null, null).statusCode()).isEqualTo(401);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badLinesAreReportedOneByOneAndTheGoodOnesGoIn() throws Exception {
        String csv = """
                time,cell,kind,p
                2026-11-25T07:00:00Z,press,vib,0.8
                2026-11-25T07:00:10Z,robot,vib,0.9
                2026-11-25T07:00:20Z,press,vib,high
                2026-11-25T07:00:30Z,press
                2026-11-25T07:00:40Z,vision,defect,0.7
                """;
        String mapping = """
                format: csv
                source: { value: cell-model }
                line: { value: L2 }
                station: { column: cell, map: { press: press-3, vision: vision-5 } }
                type: { column: kind, map: { vib: vibration-anomaly, defect: vision-defect } }
                severity: { value: high }
                confidence: { column: p }
                timestamp: { column: time }
                payload: [p]
                """;
        HttpResponse<String> r = replay("", csv.getBytes(StandardCharsets.UTF_8), mapping.getBytes(StandardCharsets.UTF_8), roberta);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json.readTree(r.body());
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("rejected")).extracting(j -> j.path("line").asInt()).containsExactly(3, 4, 5);
        assertThat(report.path("rejected").get(0).toString()).contains("'robot' has no station");
        assertThat(report.path("rejected").get(1).toString()).contains("confidence");
        assertThat(report.path("rejected").get(2).toString()).contains("has 2 fields; the header has 4");
    }

    @Test
    void aPacedReplayRunsAsAJobKeepingTheRecordedGaps() throws Exception {
        String recording = """
                {"source":"vision-model","line":"L1","station":"vision-4","type":"vision-defect","severity":"medium","confidence":0.91,"timestamp":"2025-03-01T10:00:00Z"}
                {"source":"vibration-model","line":"L1","station":"robot-2","type":"vibration-anomaly","severity":"high","confidence":0.81,"timestamp":"2025-03-01T10:01:00Z"}
                """;
        HttpResponse<String> r = replay("?speed=120x", recording.getBytes(StandardCharsets.UTF_8), null, roberta);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = json.readTree(r.body()).path("id").asText();
        long started = System.nanoTime();
        JsonNode done = await().atMost(Duration.ofSeconds(20)).until(
                () -> json.readTree(Http.get(andon.url("/api/replay/" + id), roberta).body()),
                j -> j.path("status").asText().equals("done"));
        // one recorded minute at 120x is half a second
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(done.path("report").path("accepted").asInt()).isEqualTo(2);
    }
}
