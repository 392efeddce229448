package dev.andon.knowledge;

import dev.andon.core.config.AndonSettings;
import dev.andon.knowledge.index.FusionSettings;
import dev.andon.knowledge.index.TextEmbedder;
import dev.andon.knowledge.ingest.MetadataDefaults;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.knowledge.index.FloorWords;
import dev.andon.core.schedule.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Limits and knobs of a knowledge base. {@code embedder} null means the in-process MiniLM model is loaded on open,
 * {@code scheduler} null that the knowledge base runs its background work on its own thread;
 * empty {@code knownRoles}/{@code knownLines}/{@code knownStations} switch off checking documents against the plant.
 */
public record KnowledgeOptions(long maxFileBytes, int maxPdfPages, int maxExtractedChars, long maxPdfDecodedBytes,
                               int maxChunkChars, Duration pollInterval, Duration refreshInterval,
                               FusionSettings fusion, Set<String> knownRoles, Set<String> knownLines,
                               Set<String> knownStations, String defaultLanguage, Clock clock,
                               TextEmbedder embedder, double ramBufferMb, MetadataDefaults metadataDefaults,
                               PermissionPolicy permissions, long maxParseMillis, int maxImportEntries,
                               long maxImportBytes, Scheduler scheduler, FloorWords floorWords) {
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final long DEFAULT_MAX_PDF_DECODED_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_PARSE_MILLIS = 5_000;
    public static final int DEFAULT_MAX_IMPORT_ENTRIES = 1_000;
    public static final long DEFAULT_MAX_IMPORT_BYTES = 256L * 1024 * 1024;

    public KnowledgeOptions {
        knownRoles = Set.copyOf(knownRoles);
        knownLines = Set.copyOf(knownLines);
        knownStations = Set.copyOf(knownStations);
        if (maxFileBytes <= 0 || maxParseMillis <= 0 || maxImportEntries <= 0 || maxImportBytes <= 0 || maxPdfPages <= 0 || maxExtractedChars <= 0 || maxChunkChars < 200) {
            throw new IllegalArgumentException("knowledge limits must be positive (chunks at least 200 characters)");
        }
    }

    public static KnowledgeOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Limits from settings (environment wins over the plant file): {@code knowledgeMaxFileBytes},
     * {@code knowledgeMaxPdfPages}, {@code knowledgeMaxExtractedChars}, {@code knowledgePollMillis},
     * {@code knowledgeMaxPdfDecodedBytes}, {@code knowledgeMaxParseMillis}, {@code knowledgeMaxImportEntries},
     * {@code knowledgeMaxImportBytes}, and the metadata defaults {@code knowledgeFolderTypes}
     * ({@code "guides=training-guide, sops=sop, *=work-instruction"}) and {@code knowledgeDefaultType}.
     */
    public static Builder fromSettings(AndonSettings settings) {
        return builder()
                .metadataDefaults(MetadataDefaults.parse(settings.get("knowledgeFolderTypes", ""),
                        settings.get("knowledgeDefaultType", "work-instruction")))
                .maxPdfDecodedBytes(settings.getLong("knowledgeMaxPdfDecodedBytes", DEFAULT_MAX_PDF_DECODED_BYTES))
                .maxParseMillis(settings.getLong("knowledgeMaxParseMillis", DEFAULT_MAX_PARSE_MILLIS))
                .maxImportEntries(settings.getInt("knowledgeMaxImportEntries", DEFAULT_MAX_IMPORT_ENTRIES))
                .maxImportBytes(settings.getLong("knowledgeMaxImportBytes", DEFAULT_MAX_IMPORT_BYTES))
                .maxFileBytes(settings.getLong("knowledgeMaxFileBytes", DEFAULT_MAX_FILE_BYTES))
                .maxPdfPages(settings.getInt("knowledgeMaxPdfPages", 500))
                .maxExtractedChars(settings.getInt("knowledgeMaxExtractedChars", 2_000_000))
                .pollInterval(Duration.ofMillis(settings.getLong("knowledgePollMillis", 2000)));
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFileBytes = maxFileBytes;
        b.maxPdfPages = maxPdfPages;
        b.maxExtractedChars = maxExtractedChars;
        b.maxPdfDecodedBytes = maxPdfDecodedBytes;
        b.maxChunkChars = maxChunkChars;
        b.pollInterval = pollInterval;
        b.scheduler = scheduler;
        b.refreshInterval = refreshInterval;
        b.fusion = fusion;
        b.knownRoles = knownRoles;
        b.knownLines = knownLines;
        b.knownStations = knownStations;
        b.defaultLanguage = defaultLanguage;
        b.clock = clock;
        b.embedder = embedder;
        b.ramBufferMb = ramBufferMb;
        b.metadataDefaults = metadataDefaults;
        b.permissions = permissions;
        b.maxParseMillis = maxParseMillis;
        b.maxImportEntries = maxImportEntries;
        b.maxImportBytes = maxImportBytes;
        b.floorWords = floorWords;
        return b;
    }

    public static final class Builder {
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private int maxPdfPages = 500;
        private int maxExtractedChars = 2_000_000;
        private long maxPdfDecodedBytes = DEFAULT_MAX_PDF_DECODED_BYTES;
        private int maxChunkChars = 1200;
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration refreshInterval = Duration.ofMillis(500);
        private FusionSettings fusion = FusionSettings.defaults();
        private Set<String> knownRoles = Set.of();
        private Set<String> knownLines = Set.of();
        private Set<String> knownStations = Set.of();
        private String defaultLanguage = "en";
        private Clock clock = Clock.systemDefaultZone();
        private TextEmbedder embedder;
        private double ramBufferMb = 64;
        private MetadataDefaults metadataDefaults = MetadataDefaults.standard();
        private PermissionPolicy permissions;
        private long maxParseMillis = DEFAULT_MAX_PARSE_MILLIS;
        private int maxImportEntries = DEFAULT_MAX_IMPORT_ENTRIES;
        private long maxImportBytes = DEFAULT_MAX_IMPORT_BYTES;
        private Scheduler scheduler;
        private FloorWords floorWords = FloorWords.STANDARD;

        public Builder maxFileBytes(long v) { maxFileBytes = v; return this; }
        public Builder maxPdfPages(int v) { maxPdfPages = v; return this; }
        public Builder maxExtractedChars(int v) { maxExtractedChars = v; return this; }
        public Builder maxPdfDecodedBytes(long v) { maxPdfDecodedBytes = v; return this; }
        public Builder maxChunkChars(int v) { maxChunkChars = v; return this; }
        public Builder pollInterval(Duration v) { pollInterval = v; return this; }
        public Builder refreshInterval(Duration v) { refreshInterval = v; return this; }
        public Builder fusion(FusionSettings v) { fusion = v; return this; }
        public Builder defaultLanguage(String v) { defaultLanguage = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        /** Share one loaded model between knowledge bases (tests, benches); null loads MiniLM on open. */
        public Builder embedder(TextEmbedder v) { embedder = v; return this; }
        public Builder ramBufferMb(double v) { ramBufferMb = v; return this; }
        /** Id, version, type and title for documents that do not carry them. */
        public Builder metadataDefaults(MetadataDefaults v) { metadataDefaults = v; return this; }
        /** Who may upload, approve, delete and import; null uses the bundled policy. */
        public Builder permissions(PermissionPolicy v) { permissions = v; return this; }
        /** Wall-clock budget for reading one file (PDF text extraction is where it can run away). */
        public Builder maxParseMillis(long v) { maxParseMillis = v; return this; }
        public Builder maxImportEntries(int v) { maxImportEntries = v; return this; }
        /** Total decompressed bytes one archive import may read. */
        public Builder maxImportBytes(long v) { maxImportBytes = v; return this; }

        /** The node's one scheduler for the folder scan and index refresh; none: the knowledge base runs its own. */
        public Builder scheduler(Scheduler v) { scheduler = v; return this; }

        /** The floor words questions are also read in (built-in ones, and the plant's words file if it has one). */
        public Builder floorWords(FloorWords v) { floorWords = v; return this; }

        /** Documents naming a role, line or station outside these sets are refused. */
        public Builder knownPlant(Set<String> roles, Set<String> lines, Set<String> stations) {
            knownRoles = roles;
            knownLines = lines;
            knownStations = stations;
            return this;
        }

        public KnowledgeOptions build() {
            return new KnowledgeOptions(maxFileBytes, maxPdfPages, maxExtractedChars, maxPdfDecodedBytes,
                    maxChunkChars, pollInterval, refreshInterval, fusion, knownRoles, knownLines, knownStations,
                    defaultLanguage, clock, embedder, ramBufferMb, metadataDefaults,
                    permissions != null ? permissions : PermissionPolicy.bundled(), maxParseMillis, maxImportEntries,
                    maxImportBytes, scheduler, floorWords);
        }
    }
}
