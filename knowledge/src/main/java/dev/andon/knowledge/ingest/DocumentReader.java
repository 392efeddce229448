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
import java.util.LinkedHashMap;
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
    private final MetadataDefaults defaults;
    private final MarkdownParser markdown = new MarkdownParser();
    private final PlainTextParser plainText = new PlainTextParser();
    private final HtmlParser html = new HtmlParser();

    public DocumentReader(MetadataReader metadataReader, LanguageDetector languageDetector, Chunker chunker,
                          PdfParser pdfParser, long maxFileBytes) {
        this(metadataReader, languageDetector, chunker, pdfParser, maxFileBytes, MetadataDefaults.standard());
    }

    public DocumentReader(MetadataReader metadataReader, LanguageDetector languageDetector, Chunker chunker,
                          PdfParser pdfParser, long maxFileBytes, MetadataDefaults defaults) {
        this.defaults = defaults;
        this.metadataReader = metadataReader;
        this.languageDetector = languageDetector;
        this.chunker = chunker;
        this.pdfParser = pdfParser;
        this.maxFileBytes = maxFileBytes;
    }

    public ReadDocument read(String fileName, byte[] content, byte[] sidecar) {
        return read(fileName, "", content, sidecar, Map.of());
    }

    /**
     * Reads a file. Metadata comes from, in rising precedence: the sidecar, the file itself (front matter, HTML meta
     * tags), the upload's form fields (which may only add to what the file says, never contradict it), and for what is
     * still missing the {@link MetadataDefaults} (id from the file name, version 1, type of the folder). Everything
     * that did not come from the file itself is returned as the document's sidecar, to be kept next to the file, so
     * a rebuild or an archived copy reads the same metadata again.
     *
     * @param folder     the file's folder inside the documents folder ('/'-separated, "" for the top), for its type
     * @param formFields metadata fields given with an upload (list fields comma-separated)
     */
    public ReadDocument read(String fileName, String folder, byte[] content, byte[] sidecar, Map<String, String> formFields) {
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
            case MARKDOWN -> raw = markdown.parse(fileName, utf8(fileName, content), Map.of());
            case TEXT -> raw = plainText.parse(fileName, utf8(fileName, content), Map.of());
            case HTML -> {
                String page = utf8(fileName, content);
                raw = html.parse(fileName, page, Map.of());
                kept = HtmlParser.sanitized(page).getBytes(StandardCharsets.UTF_8);
            }
            case PDF -> raw = pdfParser.parse(fileName, content, Map.of());
            default -> throw new IllegalStateException("unhandled format " + format);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> inFile = raw.metadata();
        Map<String, Object> fields = new LinkedHashMap<>(sidecarFields);
        fields.putAll(inFile);
        formFields.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (!MetadataReader.FIELDS.contains(key)) {
                problems.add(new Problem(key, fileName + ": unknown metadata field '" + key + "'; allowed fields are "
                        + String.join(", ", MetadataReader.FIELDS)));
                return;
            }
            Object form = formValue(key, value.strip());
            if (inFile.containsKey(key) && !comparable(inFile.get(key)).equals(comparable(form))) {
                problems.add(new Problem(key, fileName + ": the form gives " + key + " '" + value.strip()
                        + "' but the file itself says '" + comparable(inFile.get(key)) + "'; change the file or leave the field out"));
                return;
            }
            fields.put(key, form);
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        fields.putIfAbsent("id", MetadataDefaults.idFromFileName(fileName));
        fields.putIfAbsent("version", MetadataDefaults.DEFAULT_VERSION);
        fields.putIfAbsent("type", defaults.typeFor(folder));
        if (!fields.containsKey("title") && (raw.titleFromText() == null || raw.titleFromText().isBlank())) {
            fields.put("title", MetadataDefaults.titleFromFileName(fileName));
        }
        DocumentMetadata meta = metadataReader.read(fileName, fields, raw.titleFromText(), problems);
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
        Map<String, Object> outside = new LinkedHashMap<>(fields);
        outside.keySet().removeAll(inFile.keySet());
        return new ReadDocument(fileName, format, meta, sections, chunks, kept,
                outside.isEmpty() ? null : FrontMatter.toYaml(outside));
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

    /** A form value as the YAML reader would give it: lists split at commas, true/false as booleans. */
    private static Object formValue(String key, String value) {
        switch (key) {
            case "roles", "lines", "stations", "equipment" -> {
                return List.of(value.split("\\s*,\\s*"));
            }
            case "safetyCritical" -> {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(value);
                }
                return List.of(value.replaceAll("^\\[|\\]$", "").split("\\s*,\\s*"));
            }
            default -> {
                return value;
            }
        }
    }

    private static String comparable(Object v) {
        if (v instanceof java.util.Collection<?> c) {
            return String.join(",", c.stream().map(o -> String.valueOf(o).strip()).toList());
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v).strip();
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
