package dev.andon.rules.engine.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits DRL text into identifiers, literals and punctuation the way every consumer downstream (the DRL lexer, MVEL
 * for conditions, the Java compiler for actions) would, and refuses whatever they might read differently: unicode
 * escapes (Java decodes {@code \u0028} before it reads anything, so they could turn a comment or a string into code),
 * text blocks, line breaks inside strings, backquoted identifiers, {@code #} and {@code @}, stray backslashes,
 * non-ASCII outside strings and comments (Java ignores some invisible characters inside identifiers). What remains is
 * unambiguous: comments and string contents can never hide code, and every identifier is seen as the compilers see it.
 */
public final class DrlTokens {

    public enum Kind { IDENT, STRING, NUMBER, PUNCT }

    /** One token; {@code line} is 1-based, {@code start} the offset of its first character. */
    public record Token(Kind kind, String text, int line, int start) {
        public boolean is(String s) {
            return (kind == Kind.IDENT || kind == Kind.PUNCT) && text.equals(s);
        }
    }

    /** Tokens, or the first place that cannot be read unambiguously. */
    public record Result(List<Token> tokens, int errorLine, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private static final String PUNCTUATION = "(){}[];,.:!=<>+-*/%&|?^~";
    /** Decimal and hex literals with Java's suffixes (and DRL's B/I for BigDecimal/BigInteger); nothing else. */
    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F_]+[lL]?|[0-9][0-9_]*(\\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?[lLfFdDBI]?");

    private DrlTokens() {
    }

    public static Result tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            // Anywhere: in a comment or a string too, since Java decodes them before it knows what is a comment.
            return fail(out, lineAt(text, escape, 1, 0), "unicode escapes (\\u…) are not allowed: write the character itself");
        }
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                boolean unicode = i + 1 < n && text.charAt(i + 1) == 'u';
                return fail(out, line, unicode ? "unicode escapes (\\u…) are not allowed: write the character itself"
                        : "a backslash outside a string is not allowed");
            }
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = i + 2;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    if (unicodeEscapeAt(text, end)) {
                        return fail(out, line, "unicode escapes (\\u…) are not allowed, not even in comments");
                    }
                    end++;
                }
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return fail(out, line, "a /* comment is not closed");
                }
                for (int k = i; k < end; k++) {
                    if (unicodeEscapeAt(text, k)) {
                        return fail(out, lineAt(text, k, line, i), "unicode escapes (\\u…) are not allowed, not even in comments");
                    }
                }
                line = lineAt(text, end, line, i);
                i = end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                if (c == '"' && text.startsWith("\"\"\"", i)) {
                    return fail(out, line, "text blocks (\"\"\") are not allowed");
                }
                int k = i + 1;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (k >= n || text.charAt(k) == '\n' || text.charAt(k) == '\r') {
                        return fail(out, line, "a string is not closed on its line");
                    }
                    char s = text.charAt(k);
                    if (s == '\\') {
                        if (k + 1 >= n || "btnfr\"'\\".indexOf(text.charAt(k + 1)) < 0) {
                            return fail(out, line, "only the escapes \\b \\t \\n \\f \\r \\\" \\' \\\\ are allowed in strings");
                        }
                        value.append(s).append(text.charAt(k + 1));
                        k += 2;
                        continue;
                    }
                    if (s == c) {
                        break;
                    }
                    value.append(s);
                    k++;
                }
                out.add(new Token(Kind.STRING, value.toString(), line, i));
                i = k + 1;
                continue;
            }
            if (c >= '0' && c <= '9') {
                Matcher number = NUMBER.matcher(text).region(i, n);
                if (!number.lookingAt()) {
                    return fail(out, line, "cannot read the number here");
                }
                int k = number.end();
                if (k < n && (isIdentPart(text.charAt(k)) || text.charAt(k) > 127)) {
                    return fail(out, line, "a number must not run into a name");
                }
                out.add(new Token(Kind.NUMBER, text.substring(i, k), line, i));
                i = k;
                continue;
            }
            if (isIdentStart(c)) {
                int k = i + 1;
                while (k < n && isIdentPart(text.charAt(k))) {
                    k++;
                }
                if (k < n && text.charAt(k) > 127) {
                    return fail(out, line, "names may use ASCII letters, digits, '_' and '$' only");
                }
                out.add(new Token(Kind.IDENT, text.substring(i, k), line, i));
                i = k;
                continue;
            }
            if (PUNCTUATION.indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), line, i));
                i++;
                continue;
            }
            return fail(out, line, describe(c) + " is not allowed outside strings and comments");
        }
        return new Result(List.copyOf(out), 0, null);
    }

    private static String describe(char c) {
        return switch (c) {
            case '@' -> "'@' (annotations, MVEL templates)";
            case '#' -> "'#' (inline casts)";
            case '`' -> "'`' (quoted names)";
            default -> c > 32 && c < 127 ? "'" + c + "'" : String.format("character U+%04X", (int) c);
        };
    }

    private static boolean unicodeEscapeAt(String text, int k) {
        return text.charAt(k) == '\\' && k + 1 < text.length() && text.charAt(k + 1) == 'u';
    }

    private static int lineAt(String text, int offset, int line, int from) {
        int l = line;
        for (int k = from; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                l++;
            }
        }
        return l;
    }

    private static Result fail(List<Token> tokens, int line, String message) {
        return new Result(List.copyOf(tokens), line, message);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
