package dev.andon.web.http;

import dev.andon.core.error.InvalidInputException;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Multipart uploads as (file name → bytes); read on a worker since it touches the disk. */
public final class Uploads {
    private Uploads() {
    }

    public static List<FileUpload> require(RoutingContext ctx) {
        List<FileUpload> files = ctx.fileUploads();
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("(body)", "a multipart/form-data upload with at least one file is required");
        }
        return files;
    }

    public static Map<String, byte[]> read(List<FileUpload> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (FileUpload f : files) {
            try {
                out.put(f.fileName(), Files.readAllBytes(Path.of(f.uploadedFileName())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded file " + f.fileName(), e);
            }
        }
        return out;
    }
}
