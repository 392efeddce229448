package dev.andon.web.app;

import java.nio.file.Path;
import java.util.Properties;

/** Where first start keeps the bundled sample plant's generated passwords (the try-out and test kits read them). */
public final class FirstStartFiles {
    private FirstStartFiles() {
    }

    public static Properties samplePasswords(Path dataDir) {
        return FirstStart.read(dataDir.resolve(FirstStart.SAMPLE_LOGINS));
    }
}
