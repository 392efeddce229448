package dev.andon.knowledge.ingest;

import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.PayloadTooLargeException;
import dev.andon.core.error.Problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one file of any supported format into a validated {@link ReadDocument}, or refuses it with every problem
 * named. Pure: it touches neither the folder nor the index, so a refused file leaves both as they were.
 */
public final class DocumentReader {
    private static final String SEPARATOR = " › ";
    private final MetadataReader metadataReader;
    private final LanguageDetector languageDetector;
    private final Chunker chunker;
    private final PdfParser pdfParser;
    private final long maxFileBytes;
    private final MarkdownParser markdown = new MarkdownParser();
    private final PlainTextParser plainText = new PlainTextParser();
    private final HtmlParser html = new HtmlParser();

    public DocumentReader(MetadataReader metadataReader, LanguageDetector languageDetector, Chunker chunker,
                          PdfParser pdfParser, long maxFileBytes) {
        this.metadataReader = metadataReader;
        this.languageDetector = languageDetector;
        this.chunker = chunker;
        this.pdfParser = pdfParser;
        this.maxFileBytes = maxFileBytes;
    }

    public ReadDocument read(String fileName, byte[] content, byte[] sidecar) {
        if (content.length > maxFileBytes) {
            throw new PayloadTooLargeException("file " + fileName + " (" + content.length + " bytes)", maxFileBytes);
        }
        if (sidecar != null && sidecar.length > 1_000_000) {
            throw new PayloadTooLargeException("sidecar of " + fileName, 1_000_000);
        }
        DocumentFormat format = DocumentFormat.of(fileName).orElseThrow(() -> new InvalidInputException("file",
                fileName + ": unsupported file type; supported: " + DocumentFormat.SUPPORTED));
        if (content.length == 0) {
            throw new InvalidInputException("file", fileName + ": the file is empty");
        }
        Map<String, Object> sidecarFields = sidecar == null ? Map.of()
                : FrontMatter.parseYaml(fileName + DocumentFormat.SIDECAR_SUFFIX, utf8(fileName + DocumentFormat.SIDECAR_SUFFIX, sidecar));
        RawDocument raw;
        byte[] kept = content;
        switch (format) {
            case MARKDOWN -> raw = markdown.parse(fileName, utf8(fileName, content), sidecarFields);
            case TEXT -> raw = plainText.parse(fileName, utf8(fileName, content), sidecarFields);
            case HTML -> {
                String page = utf8(fileName, content);
                raw = html.parse(fileName, page, sidecarFields);
                kept = HtmlParser.sanitized(page).getBytes(StandardCharsets.UTF_8);
            }
            case PDF -> {
                // The PDF itself is checked first: "encrypted" or "corrupt" is the more useful message.
                raw = pdfParser.parse(fileName, content, sidecarFields);
                if (sidecar == null) {
                    throw new InvalidInputException("sidecar", fileName + ": a PDF needs a metadata sidecar file "
                            + fileName + DocumentFormat.SIDECAR_SUFFIX + " (id, title, type, version, …)");
                }
            }
            default -> throw new IllegalStateException("unhandled format " + format);
        }
        List<Problem> problems = new ArrayList<>();
        if (raw.metadata().isEmpty()) {
            String where = switch (format) {
                case MARKDOWN, TEXT -> "YAML front matter between '---' lines at the top of the file";
                case HTML -> "<meta name=\"andon:id\" content=\"…\"> tags or a sidecar " + fileName + DocumentFormat.SIDECAR_SUFFIX;
                case PDF -> "a sidecar " + fileName + DocumentFormat.SIDECAR_SUFFIX;
            };
            problems.add(new Problem("frontMatter", fileName + ": no document metadata found; add " + where));
            throw new InvalidInputException(problems);
        }
        DocumentMetadata meta = metadataReader.read(fileName, raw.metadata(), raw.titleFromText(), problems);
        if (meta == null) {
            throw new InvalidInputException(problems);
        }
        List<Settled> settled = settle(meta, raw.sections());
        List<DocumentSection> sections = settled.stream().map(Settled::section).toList();
        Set<String> numbers = new HashSet<>();
        sections.forEach(s -> numbers.add(s.number()));
        for (String critical : meta.safetyCriticalSections()) {
            if (!numbers.contains(critical)) {
                problems.add(new Problem("safetyCritical", fileName + ": safetyCritical names section '" + critical
                        + "', which the document does not have"));
            }
        }
        StringBuilder all = new StringBuilder();
        sections.forEach(s -> all.append(s.text()).append('\n'));
        if (all.toString().isBlank()) {
            problems.add(new Problem("file", fileName + ": the document has no text besides its metadata"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (meta.language() == null) {
            meta = meta.withLanguage(languageDetector.detect(meta.title() + "\n" + all));
        }
        List<Chunk> chunks = new ArrayList<>();
        for (Settled s : settled) {
            if (s.section().text().isBlank()) {
                continue;
            }
            for (String text : chunker.chunk(s.blocks())) {
                chunks.add(new Chunk(chunks.size(), s.section().number(), text));
            }
        }
        return new ReadDocument(fileName, format, meta, sections, chunks, kept, sidecar);
    }

    /** A section with its final number and path, and the blocks it is chunked from. */
    private record Settled(DocumentSection section, List<TextBlock> blocks) {
    }

    private List<Settled> settle(DocumentMetadata meta, List<RawSection> rawSections) {
        List<Settled> out = new ArrayList<>();
        Deque<DocumentSection> stack = new ArrayDeque<>();
        Set<String> used = new HashSet<>();
        for (RawSection raw : rawSections) {
            String text = joined(raw.blocks());
            if (raw.heading() == null) {
                if (text.isBlank()) {
                    continue;
                }
                String key = unique("0", used);
                DocumentSection preamble = new DocumentSection(key, meta.title(), 0, List.of(),
                        meta.id() + SEPARATOR + meta.title(), text, meta.safetyCriticalAll());
                out.add(new Settled(preamble, raw.blocks()));
                continue;
            }
            HeadingText h = HeadingText.parse(raw.heading());
            while (!stack.isEmpty() && stack.peek().level() >= raw.level()) {
                stack.pop();
            }
            List<DocumentSection> parents = new ArrayList<>(stack);
            java.util.Collections.reverse(parents);
            String key = unique(h.number() != null ? h.number() : HeadingText.slug(h.title()), used);
            List<String> ancestors = parents.stream().map(DocumentSection::number).toList();
            boolean critical = meta.safetyCriticalAll() || h.safetyCriticalMarker()
                    || meta.safetyCriticalSections().contains(key)
                    || parents.stream().anyMatch(DocumentSection::safetyCritical);
            StringBuilder path = new StringBuilder(meta.id());
            DocumentSection section = new DocumentSection(key, h.title(), raw.level(), ancestors, "", text, critical);
            for (DocumentSection p : parents) {
                path.append(SEPARATOR).append(p.label());
            }
            path.append(SEPARATOR).append(section.label());
            section = new DocumentSection(key, h.title(), raw.level(), ancestors, path.toString(), text, critical);
            out.add(new Settled(section, raw.blocks()));
            stack.push(section);
        }
        return out;
    }

    private static String unique(String key, Set<String> used) {
        String k = key;
        for (int i = 2; !used.add(k); i++) {
            k = key + "-" + i;
        }
        return k;
    }

    private static String joined(List<TextBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (TextBlock b : blocks) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.text());
        }
        return sb.toString();
    }

    private static String utf8(String fileName, byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (s.indexOf('\0') >= 0) {
                throw new InvalidInputException("file", fileName + ": the file contains binary data, not text");
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", fileName + ": the file is not UTF-8 text");
        }
    }
}
