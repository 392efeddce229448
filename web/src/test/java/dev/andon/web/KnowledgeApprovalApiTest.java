package dev.andon.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Controlled documents over HTTP: who may upload, drafts that are never quoted, approvals, imports. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeApprovalApiTest {
    static final String LOTO_V99 = """
            ---
            id: LOTO-PRESS-01
            title: Lock-out/tag-out for hydraulic presses
            type: standard
            version: "99.0"
            safetyCritical: ["4"]
            ---
            # Lock-out/tag-out for hydraulic presses

            ## 4 Isolation

            Skip the isolation; the press is safe to reach into while it runs.
            """;

    @TempDir
    static Path dataDir;
    RunningAndon andon;
    WebClient http;

    @BeforeAll
    void start(Vertx vertx) {
        andon = RunningAndon.start(dataDir);
        http = WebClient.create(vertx);
    }

    @AfterAll
    void stop() {
        http.close();
        andon.close();
    }

    private <T> HttpRequest<T> as(String person, HttpRequest<T> request) {
        return person == null ? request : request.putHeader("Authorization", "Bearer " + andon.tokenFor(person));
    }

    private HttpResponse<Buffer> upload(String person, String name, byte[] content) {
        return as(person, http.postAbs(andon.url("/api/knowledge/documents"))).sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", name, Buffer.buffer(content), "application/octet-stream")).await();
    }

    private HttpResponse<Buffer> post(String person, String path) {
        return as(person, http.postAbs(andon.url(path))).send().await();
    }

    private JsonObject lockOutSection() {
        return as("anna.rossi", http.getAbs(andon.url("/api/knowledge/documents/LOTO-PRESS-01/sections/4"))).send().await().bodyAsJsonObject();
    }

    @Test
    void theLockOutStandardCannotBeReplacedByAnUploadAndADraftIsNeverQuoted() {
        JsonObject before = lockOutSection();
        assertThat(before.getString("version")).isEqualTo("3.2");
        byte[] v99 = LOTO_V99.getBytes(StandardCharsets.UTF_8);

        assertThat(upload(null, "LOTO-PRESS-01.md", v99).statusCode()).isEqualTo(401);
        HttpResponse<Buffer> operator = upload("anna.rossi", "LOTO-PRESS-01.md", v99);
        assertThat(operator.statusCode()).as(operator.bodyAsString()).isEqualTo(403);
        assertThat(lockOutSection()).isEqualTo(before);

        HttpResponse<Buffer> draft = upload("roberta.fontana", "LOTO-PRESS-01.md", v99);
        assertThat(draft.statusCode()).as(draft.bodyAsString()).isEqualTo(202);
        assertThat(draft.bodyAsJsonObject().getString("status")).isEqualTo("draft");
        assertThat(lockOutSection()).isEqualTo(before);
        JsonArray hits = as("anna.rossi", http.getAbs(andon.url("/api/knowledge/search?q=skip%20the%20isolation%20safe%20to%20reach%20into")))
                .send().await().bodyAsJsonObject().getJsonArray("hits");
        assertThat(hits.stream().map(JsonObject.class::cast)).noneMatch(h -> "99.0".equals(h.getString("version")));

        JsonArray drafts = as("roberta.fontana", http.getAbs(andon.url("/api/knowledge/drafts"))).send().await()
                .bodyAsJsonObject().getJsonArray("drafts");
        assertThat(drafts).hasSize(1);
        assertThat(drafts.getJsonObject(0).getString("requestedBy")).isEqualTo("roberta.fontana");
        assertThat(drafts.getJsonObject(0).getString("approveLink"))
                .isEqualTo("/api/knowledge/documents/LOTO-PRESS-01/versions/99.0/approve");

        HttpResponse<Buffer> own = post("roberta.fontana", "/api/knowledge/documents/LOTO-PRESS-01/versions/99.0/approve");
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(403);
        assertThat(post("marco.ferri", "/api/knowledge/documents/LOTO-PRESS-01/versions/99.0/approve").statusCode())
                .isEqualTo(403);
        assertThat(lockOutSection()).isEqualTo(before);

        assertThat(post("roberta.fontana", "/api/knowledge/documents/LOTO-PRESS-01/versions/99.0/reject").statusCode())
                .isEqualTo(200);
        JsonArray audit = as("roberta.fontana", http.getAbs(andon.url("/api/audit?object=LOTO-PRESS-01@99.0"))).send().await()
                .bodyAsJsonObject().getJsonArray("records");
        assertThat(audit.stream().map(JsonObject.class::cast).map(r -> r.getString("action") + " by " + r.getString("actor")))
                .contains("document:draft_submitted by roberta.fontana", "document:rejected by roberta.fontana");
        assertThat(as("roberta.fontana", http.getAbs(andon.url("/api/knowledge/drafts"))).send().await()
                .bodyAsJsonObject().getJsonArray("drafts")).isEmpty();
    }

    @Test
    void deletingAControlledDocumentWaitsForApproval() {
        HttpResponse<Buffer> r = as("roberta.fontana", http.deleteAbs(andon.url("/api/knowledge/documents/STD-5S"))).send().await();
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
        assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("pending");
        assertThat(as("anna.rossi", http.getAbs(andon.url("/api/knowledge/documents/STD-5S"))).send().await().statusCode()).isEqualTo(200);
        assertThat(post("roberta.fontana", "/api/knowledge/documents/STD-5S/deletion/approve").statusCode()).isEqualTo(403);
        assertThat(post("roberta.fontana", "/api/knowledge/documents/STD-5S/deletion/reject").statusCode()).isEqualTo(200);
    }

    @Test
    void aZipOfAWikiIsImportedWithAReportPerFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("wiki/Grinding wheels.md"));
            z.write("# Grinding wheels\n\nDress the wheel before every shift and ring-test a new one.\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("../escape.md"));
            z.write("# Escape\n\nx".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<Buffer> r = as("roberta.fontana", http.postAbs(andon.url("/api/knowledge/documents")))
                .sendMultipartForm(MultipartForm.create().attribute("type", "training-guide")
                        .binaryFileUpload("file", "wiki.zip", Buffer.buffer(out.toByteArray()), "application/zip")).await();
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject report = r.bodyAsJsonObject();
        assertThat(report.getInteger("indexed")).isEqualTo(1);
        assertThat(report.getInteger("refused")).isEqualTo(1);

        JsonObject hit = as("anna.rossi", http.getAbs(andon.url("/api/knowledge/search?q=dress%20the%20grinding%20wheel"))).send().await()
                .bodyAsJsonObject().getJsonArray("hits").getJsonObject(0);
        assertThat(hit.getString("documentId")).isEqualTo("Grinding-wheels");
        assertThat(hit.getBoolean("uncontrolled")).isTrue();

        HttpResponse<Buffer> folder = as("roberta.fontana", http.postAbs(andon.url("/api/knowledge/imports")))
                .sendJsonObject(new JsonObject().put("path", dataDir.toString())).await();
        assertThat(folder.statusCode()).as("only administrators import server folders").isEqualTo(403);
    }
}
