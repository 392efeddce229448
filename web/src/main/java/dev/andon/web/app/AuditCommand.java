package dev.andon.web.app;

import dev.andon.core.audit.AuditTrail;
import dev.andon.core.audit.AuditVerification;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.AndonDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code ./andon audit verify [dataDir]}: walks the audit chain of a stopped node's store and names every record that
 * was edited, removed or reordered. Exit 0 when intact, 1 when not, 66 when there is no store.
 */
public final class AuditCommand {
    private AuditCommand() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("ANDON_DATA_DIR", "./data"));
        if (!Files.exists(data.resolve(AndonDatabase.FILE_NAME))) {
            System.err.println("andon: no store at " + data.resolve(AndonDatabase.FILE_NAME));
            System.exit(66);
        }
        AuditVerification v;
        try (AndonDatabase db = AndonDatabase.open(data)) {
            v = new AuditTrail(db, AndonJson.newMapper(), Clock.systemUTC()).verify();
        }
        System.out.println((v.intact() ? "intact" : "BROKEN") + ": " + v.checked() + " records checked");
        v.findings().forEach(f -> System.out.println("  record " + f.seq() + ": " + f.problem()));
        System.exit(v.intact() ? 0 : 1);
    }
}
