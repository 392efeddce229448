package dev.andon.web.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Unpacks the sample plant bundled in the jar into the data folder, so it is then loaded through exactly the same
 * file paths as a user's plant (plant.yaml, rules/, knowledge/). Bundled files are refreshed on every start; files a
 * user added to that folder (uploaded documents) are left alone.
 */
public final class SamplePlantInstaller {
    static final String RESOURCE_ROOT = "sample-plant";

    public Path install(Path dataDir) {
        URL marker = SamplePlantInstaller.class.getClassLoader().getResource(RESOURCE_ROOT + "/plant.yaml");
        if (marker == null) {
            throw new IllegalStateException("the bundled sample plant is missing from the classpath");
        }
        Path target = dataDir.resolve(RESOURCE_ROOT);
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = openJar(uri)) {
                    copyTree(fs.getPath("/" + RESOURCE_ROOT), target);
                }
            } else {
                copyTree(Path.of(uri).getParent(), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the sample plant into " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return target.resolve("plant.yaml");
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Another installer holds it open; copy through a fresh one on the jar file itself.
            String jar = uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"));
            return FileSystems.newFileSystem(Path.of(URI.create(jar)));
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path dest = target.resolve(source.relativize(file).toString());
            Files.createDirectories(dest.getParent());
            Path tmp = dest.resolveSibling(dest.getFileName() + ".tmp");
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(dest) && Files.mismatch(tmp, dest) == -1) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
