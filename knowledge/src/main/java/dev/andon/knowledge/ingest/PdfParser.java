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
        this(maxPages, maxChars, maxDecodedBytes, Long.MAX_VALUE / 2_000_000);
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
            checkDecodedSize(fileName, pdf, deadline);
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

    /** Filters that only decompress (what text extraction runs); image codecs are never decoded for text. */
    private static final java.util.Set<String> DECOMPRESSING = java.util.Set.of("FlateDecode", "Fl", "LZWDecode", "LZW",
            "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL");

    /**
     * Decodes every compressed stream once into a bounded buffer before any text is extracted. PDFBox inflates a
     * stream whole, without a cap, the moment it is opened (a gigabyte of blanks takes tens of seconds and holds no
     * operator at which extraction could stop), so the streams are decoded here filter by filter into an output that
     * refuses to grow past the cap: a bomb is stopped after {@code maxDecodedBytes}, not after a gigabyte.
     */
    private void checkDecodedSize(String fileName, PDDocument pdf, long deadline) throws IOException {
        org.apache.pdfbox.cos.COSDocument cos = pdf.getDocument();
        long[] total = {0};
        for (org.apache.pdfbox.cos.COSObjectKey key : new java.util.ArrayList<>(cos.getXrefTable().keySet())) {
            org.apache.pdfbox.cos.COSObject object = cos.getObjectFromPool(key);
            if (object == null || !(object.getObject() instanceof org.apache.pdfbox.cos.COSStream stream)
                    || org.apache.pdfbox.cos.COSName.IMAGE.equals(stream.getCOSName(org.apache.pdfbox.cos.COSName.SUBTYPE))) {
                continue;
            }
            java.util.List<org.apache.pdfbox.cos.COSName> filters = filters(stream);
            if (filters.isEmpty() || !filters.stream().allMatch(f -> DECOMPRESSING.contains(f.getName()))) {
                continue;
            }
            byte[] data;
            try (java.io.InputStream raw = stream.createRawInputStream()) {
                data = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDecodedBytes));
            }
            try {
                for (int i = 0; i < filters.size(); i++) {
                    BoundedOutput out = new BoundedOutput(maxDecodedBytes - total[0], deadline);
                    org.apache.pdfbox.filter.FilterFactory.INSTANCE.getFilter(filters.get(i))
                            .decode(new java.io.ByteArrayInputStream(data), out, stream, i);
                    data = out.toByteArray();
                }
                total[0] += data.length;
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof BoundedOutput.Full) {
                    throw new InvalidInputException("file", fileName + ": the PDF's streams expand beyond "
                            + maxDecodedBytes / (1024 * 1024) + " MB when decompressed; refused");
                }
                if (e.getCause() instanceof BoundedOutput.Late) {
                    throw new InvalidInputException("file", fileName + ": reading the PDF took longer than " + maxMillis
                            + " ms; refused (split it, or remove what makes it slow to read)");
                }
                throw e;
            } catch (BoundedOutput.Full e) {
                throw new InvalidInputException("file", fileName + ": the PDF's streams expand beyond "
                        + maxDecodedBytes / (1024 * 1024) + " MB when decompressed; refused");
            } catch (BoundedOutput.Late e) {
                throw new InvalidInputException("file", fileName + ": reading the PDF took longer than " + maxMillis
                        + " ms; refused (split it, or remove what makes it slow to read)");
            } catch (IOException e) {
                // A stream that cannot be decoded is the text extractor's to skip, as PDF readers do.
            }
        }
    }

    private static java.util.List<org.apache.pdfbox.cos.COSName> filters(org.apache.pdfbox.cos.COSStream stream) {
        org.apache.pdfbox.cos.COSBase f = stream.getFilters();
        java.util.List<org.apache.pdfbox.cos.COSName> out = new java.util.ArrayList<>();
        if (f instanceof org.apache.pdfbox.cos.COSName n) {
            out.add(n);
        } else if (f instanceof org.apache.pdfbox.cos.COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof org.apache.pdfbox.cos.COSName n) {
                    out.add(n);
                } else {
                    return java.util.List.of(org.apache.pdfbox.cos.COSName.getPDFName("unknown"));
                }
            }
        }
        return out;
    }

    /** A byte buffer that stops the decoder once it would pass its cap or the deadline. */
    private static final class BoundedOutput extends java.io.ByteArrayOutputStream {
        static final class Full extends IOException {
            Full() {
                super(null, null);
            }
        }

        static final class Late extends IOException {
            Late() {
                super(null, null);
            }
        }

        private final long cap;
        private final long deadline;

        BoundedOutput(long cap, long deadline) {
            this.cap = cap;
            this.deadline = deadline;
        }

        @Override
        public void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if (count + (long) more > cap) {
                throw new java.io.UncheckedIOException(new Full());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new java.io.UncheckedIOException(new Late());
            }
        }
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
            if (System.nanoTime() - deadline > 0) {
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
