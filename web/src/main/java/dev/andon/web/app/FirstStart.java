package dev.andon.web.app;

import dev.andon.core.signin.Identities;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What sign-in needs at start: the first administrator (password from ANDON_ADMIN_PASSWORD, or a one-time password
 * printed once), and — for the bundled sample plant only — generated sample passwords, kept in the data folder and
 * printed at every start so the try-out takes a minute. A user's own plant never gets sample passwords.
 */
final class FirstStart {
    static final String SAMPLE_LOGINS = "sample-logins.properties";

    private FirstStart() {
    }

    static void run(Identities identities, Plant plant, String adminPassword, boolean samplePlant, Path dataDir,
                    PrintStream out) {
        identities.ensureAdmin(adminPassword).ifPresent(pw -> {
            out.println("andon: created the administrator account 'admin' with the one-time password " + pw);
            out.println("andon: it is shown only now; sign in and set your own (or set ANDON_ADMIN_PASSWORD before first start)");
        });
        if (!samplePlant) {
            return;
        }
        Path file = dataDir.resolve(SAMPLE_LOGINS);
        Properties known = read(file);
        Map<String, String> created = identities.ensureSamplePasswords();
        if (!created.isEmpty()) {
            created.forEach(known::setProperty);
            write(file, known);
        }
        out.println("andon: SAMPLE plant — sign in at the page as one of these (sample passwords, all in " + file + "):");
        Set<String> rolesShown = new LinkedHashSet<>();
        for (Person p : plant.people()) {
            String role = p.roles().isEmpty() ? "" : p.roles().get(0);
            if (known.getProperty(p.id()) != null && rolesShown.add(role)) {
                out.printf("  %-14s %-18s %s%n", role, p.id(), known.getProperty(p.id()));
            }
        }
    }

    /** The sample passwords kept for the try-out (and the tests' kit). */
    static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static void write(Path file, Properties p) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "SAMPLE passwords for the bundled fictional sample plant only; never used for a real plant");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
