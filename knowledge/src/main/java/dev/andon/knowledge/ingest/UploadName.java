package dev.andon.knowledge.ingest;

import dev.andon.core.error.InvalidInputException;

/** Validates the file name of an upload: a plain name in the documents folder, never a path out of it. */
public final class UploadName {
    private static final int MAX_LENGTH = 200;

    private UploadName() {
    }

    public static String require(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new InvalidInputException("filename", "a file name is required");
        }
        String n = fileName.strip();
        if (n.contains("/") || n.contains("\\") || n.contains("..") || n.contains(":")) {
            throw new InvalidInputException("filename", "file name '" + fileName
                    + "' must be a plain name without folders or '..' (no '/', '\\', ':')");
        }
        if (n.startsWith(".") || n.startsWith("~")) {
            throw new InvalidInputException("filename", "file name '" + fileName + "' must not start with '.' or '~'");
        }
        if (n.length() > MAX_LENGTH) {
            throw new InvalidInputException("filename", "file name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isISOControl(c) || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
                throw new InvalidInputException("filename", "file name '" + fileName + "' contains a character that is not allowed");
            }
        }
        return n;
    }
}
