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

    /**
     * A PDF whose one content stream is Flate-compressed spaces that inflate to {@code decodedBytes} (1 GiB makes a file
     * of about 1 MB: deflate's ratio tops out near 1000:1). Built by hand, so nothing in the test inflates it.
     */
    public static byte[] inflating(long decodedBytes) {
        try {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
            try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(compressed, deflater, 1 << 16)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (long left = decodedBytes; left > 0; left -= spaces.length) {
                    z.write(spaces, 0, (int) Math.min(spaces.length, left));
                }
            } finally {
                deflater.end();
            }
            byte[] stream = compressed.toByteArray();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            List<Integer> offsets = new ArrayList<>();
            java.util.function.Consumer<String> w = t -> pdf.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            w.accept("%PDF-1.4\n");
            offsets.add(pdf.size());
            w.accept("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(pdf.size());
            w.accept("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(pdf.size());
            w.accept("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>\nendobj\n");
            offsets.add(pdf.size());
            w.accept("4 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n");
            pdf.writeBytes(stream);
            w.accept("\nendstream\nendobj\n");
            int xref = pdf.size();
            StringBuilder table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
            for (int o : offsets) {
                table.append(String.format("%010d 00000 n \n", o));
            }
            w.accept(table + "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
