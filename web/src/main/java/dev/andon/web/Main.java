package dev.andon.web;

import dev.andon.core.error.InvalidPlantException;
import dev.andon.web.app.AndonApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Andon from the environment (ANDON_HTTP_PORT, ANDON_DATA_DIR, ANDON_PLANT_FILE, …) and stops it cleanly. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        AndonApplication app;
        try {
            app = AndonApplication.start(System.getenv());
        } catch (InvalidPlantException | IllegalArgumentException e) {
            // Configuration mistakes: the message names the file or variable; a stack trace would only hide it.
            System.err.println("Andon cannot start: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.error("Andon cannot start", e);
            System.err.println("Andon cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "andon-shutdown"));
        System.out.println("Andon is serving " + app.plantName() + " on http://localhost:" + app.port()
                + "/ (data in " + app.dataDir() + ")");
    }
}
