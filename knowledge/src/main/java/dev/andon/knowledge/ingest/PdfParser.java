package dev.andon.knowledge.ingest;

import dev.andon.core.error.InvalidInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.Map;

/**
 * The text layer of a PDF (PDFBox). Metadata comes from the sidecar {@code <file>.meta.yaml}. Bounded on every axis a
 * hostile file could blow up: decoded stream memory (a stream that inflates past the cap fails to decode instead of
 * filling the heap), page count, extracted text length and wall-clock time (checked at every content-stream operator).
 */
public final class PdfParser {
    private final PlainTextParser text = new PlainTextParser();
    private final int maxPages;
    private final int maxChars;
    private final long maxDecodedBytes;
    private final long maxMillis;

    public PdfParser(int maxPages, int maxChars, long maxDecodedBytes) {
        this(maxPages, maxChars, maxDecodedBytes, 5_000);
    }

    /** {@code maxMillis}: wall-clock budget for loading and extracting one file. */
    public PdfParser(int maxPages, int maxChars, long maxDecodedBytes, long maxMillis) {
        this.maxMillis = maxMillis;
        this.maxPages = maxPages;
        this.maxChars = maxChars;
        this.maxDecodedBytes = maxDecodedBytes;
    }

    public RawDocument parse(String fileName, byte[] bytes, Map<String, Object> sidecar) {
        if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new InvalidInputException("file", fileName + ": not a PDF file (it does not start with %PDF-)");
        }
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        String extracted;
        try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(maxDecodedBytes).streamCache)) {
            if (pdf.isEncrypted()) {
                throw new InvalidInputException("file", fileName + ": the PDF is encrypted; upload an unencrypted copy");
            }
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                throw new InvalidInputException("file", fileName + ": the PDF has no pages");
            }
            if (pages > maxPages) {
                throw new InvalidInputException("file", fileName + ": the PDF has " + pages + " pages; at most "
                        + maxPages + " are accepted");
            }
            extracted = extract(fileName, pdf, deadline);
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException("file", fileName + ": the PDF is encrypted with a password; upload an unencrypted copy");
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("emory")) {
                throw new InvalidInputException("file", fileName + ": the PDF's streams expand beyond "
                        + maxDecodedBytes / (1024 * 1024) + " MB when decompressed; refused");
            }
            throw new InvalidInputException("file", fileName + ": the PDF cannot be read (" + e.getMessage() + ")");
        } catch (OutOfMemoryError | StackOverflowError e) {
            // A crafted PDF can still exhaust a limit PDFBox does not enforce; refuse it rather than take the JVM down.
            throw new InvalidInputException("file", fileName + ": the PDF expands beyond what can be processed");
        }
        if (extracted.isBlank()) {
            throw new InvalidInputException("file", fileName
                    + ": the PDF has no text layer (scanned image?); only PDFs with text can be indexed");
        }
        return text.structure(sidecar, extracted);
    }

    private String extract(String fileName, PDDocument pdf, long deadline) throws IOException {
        CappedTextStripper stripper = new CappedTextStripper(maxChars, deadline);
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        stripper.setParagraphStart("\n");
        try {
            return stripper.getText(pdf);
        } catch (CappedTextStripper.TooSlow e) {
            throw new InvalidInputException("file", fileName + ": reading the PDF took longer than " + maxMillis
                    + " ms; refused (split it, or remove what makes it slow to read)");
        } catch (CappedTextStripper.TooMuchText e) {
            throw new InvalidInputException("file", fileName + ": the PDF expands to more than " + maxChars
                    + " characters of text; split it into smaller documents");
        }
    }

    /** Stops extraction as soon as the text passes the cap, so a page holding gigabytes of text is never built up. */
    private static final class CappedTextStripper extends PDFTextStripper {
        static final class TooMuchText extends RuntimeException {
            TooMuchText() {
                super(null, null, false, false);
            }
        }

        static final class TooSlow extends RuntimeException {
            TooSlow() {
                super(null, null, false, false);
            }
        }

        private final int maxChars;
        private final long deadline;
        private long written;

        CappedTextStripper(int maxChars, long deadline) {
            this.maxChars = maxChars;
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(org.apache.pdfbox.contentstream.operator.Operator operator,
                                       java.util.List<org.apache.pdfbox.cos.COSBase> operands) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new TooSlow();
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
            written += text.length();
            if (written > maxChars) {
                throw new TooMuchText();
            }
            super.writeString(text, positions);
        }
    }
}
