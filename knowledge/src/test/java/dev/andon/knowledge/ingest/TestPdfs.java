package dev.andon.knowledge.ingest;

import dev.andon.knowledge.sample.SamplePdfGenerator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** PDFs made on the fly for tests: ordinary, encrypted, many pages, and one whose small file expands to huge text. */
public final class TestPdfs {
    private TestPdfs() {
    }

    public static byte[] simple(List<String> lines) {
        try {
            return SamplePdfGenerator.pdf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pages(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count * 48; i++) {
            lines.add("Line " + i + " of a long manual about the hydraulic unit.");
        }
        return simple(lines);
    }

    public static byte[] encrypted() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText("1 Secret procedure");
                cs.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One page whose compressed content stream draws {@code repeats} lines in tiny type on a grid: a small file whose
     * text layer is huge (PDFBox drops text drawn twice at the same spot, so every line gets its own place).
     */
    public static byte[] expanding(int repeats) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            String line = "padding text padding text padding text padding text padding text padding text";
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1.5f);
                for (int i = 0; i < repeats; i++) {
                    cs.beginText();
                    cs.newLineAtOffset(10 + (i / 390) * 75, 785 - (i % 390) * 2f);
                    cs.showText(line);
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
