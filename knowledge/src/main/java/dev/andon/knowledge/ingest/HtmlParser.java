package dev.andon.knowledge.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTML: parsed with jsoup (nothing is ever executed); scripts, styles, frames and embedded objects are dropped before
 * any text is read. Metadata comes from {@code <meta name="andon:field">} tags or a sidecar file; h1–h6 give the
 * structure, ol/ul give step lists.
 */
public final class HtmlParser {
    private static final String DROPPED = "script, style, noscript, iframe, frame, frameset, object, embed, template, "
            + "svg, canvas, form, input, button, select, textarea, link";
    private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "header",
            "footer", "aside", "nav", "span", "center", "font");
    private static final String META_PREFIX = "andon:";

    public RawDocument parse(String fileName, String html, Map<String, Object> sidecar) {
        Document doc = Jsoup.parse(html);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Element meta : doc.select("meta[name]")) {
            String name = meta.attr("name");
            if (name.toLowerCase(Locale.ROOT).startsWith(META_PREFIX)) {
                fields.put(name.substring(META_PREFIX.length()), meta.attr("content"));
            }
        }
        if (fields.isEmpty()) {
            fields.putAll(sidecar);
        }
        String htmlTitle = doc.title().isBlank() ? null : doc.title().strip();
        doc.select(DROPPED).remove();
        List<RawSection> sections = new ArrayList<>();
        sections.add(new RawSection(null, 0));
        String[] title = {null};
        walk(doc.body(), sections, title);
        return new RawDocument(fields, title[0] != null ? title[0] : htmlTitle, sections);
    }

    /** The document with everything active removed: what is written to the folder when HTML is uploaded. */
    public static String sanitized(String html) {
        Document doc = Jsoup.parse(html);
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        StringBuilder head = new StringBuilder();
        if (!doc.title().isBlank()) {
            head.append("<title>").append(Entities.escape(doc.title())).append("</title>\n");
        }
        for (Element meta : doc.select("meta[name]")) {
            if (meta.attr("name").toLowerCase(Locale.ROOT).startsWith(META_PREFIX)) {
                head.append("<meta name=\"").append(Entities.escape(meta.attr("name")))
                        .append("\" content=\"").append(Entities.escape(meta.attr("content"))).append("\">\n");
            }
        }
        String body = Jsoup.clean(doc.body().html(), "", Safelist.relaxed(), out);
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" + head + "</head>\n<body>\n" + body
                + "\n</body>\n</html>\n";
    }

    private void walk(Element parent, List<RawSection> sections, String[] title) {
        StringBuilder loose = new StringBuilder();
        for (Node child : parent.childNodes()) {
            if (child instanceof TextNode t) {
                loose.append(t.text());
                continue;
            }
            if (!(child instanceof Element e)) {
                continue;
            }
            String tag = e.normalName();
            if (isInline(tag)) {
                loose.append(e.text());
                continue;
            }
            flush(loose, sections);
            if (tag.matches("h[1-6]")) {
                int level = tag.charAt(1) - '0';
                String words = e.text().strip();
                if (words.isEmpty()) {
                    continue;
                }
                boolean firstHeading = sections.size() == 1 && last(sections).blocks().isEmpty();
                if (level == 1 && title[0] == null && firstHeading && HeadingText.parse(words).number() == null) {
                    title[0] = words;
                } else {
                    sections.add(new RawSection(words, level));
                }
            } else if (tag.equals("ol") || tag.equals("ul")) {
                last(sections).add(new TextBlock(listText(e, tag.equals("ol")), true));
            } else if (tag.equals("table")) {
                last(sections).add(new TextBlock(tableText(e), false));
            } else if (CONTAINERS.contains(tag)) {
                walk(e, sections, title);
            } else {
                last(sections).add(new TextBlock(e.wholeText().isBlank() ? "" : e.text(), false));
            }
        }
        flush(loose, sections);
    }

    private static boolean isInline(String tag) {
        return Set.of("a", "b", "strong", "em", "i", "u", "code", "small", "sub", "sup", "mark", "abbr", "br", "kbd", "q", "s", "cite", "time")
                .contains(tag);
    }

    private static void flush(StringBuilder loose, List<RawSection> sections) {
        if (!loose.toString().isBlank()) {
            last(sections).add(new TextBlock(loose.toString().strip(), false));
        }
        loose.setLength(0);
    }

    private static RawSection last(List<RawSection> sections) {
        return sections.get(sections.size() - 1);
    }

    private static String listText(Element list, boolean ordered) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        if (ordered && list.hasAttr("start")) {
            try {
                n = Integer.parseInt(list.attr("start").strip());
            } catch (NumberFormatException ignored) {
                n = 1;
            }
        }
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(ordered ? (n++) + ". " : "- ").append(li.text());
        }
        return sb.toString();
    }

    private static String tableText(Element table) {
        StringBuilder sb = new StringBuilder();
        for (Element row : table.select("tr")) {
            List<String> cells = row.select("th, td").eachText();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("| ").append(String.join(" | ", cells)).append(" |");
        }
        return sb.toString();
    }
}
