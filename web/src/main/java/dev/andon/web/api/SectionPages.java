package dev.andon.web.api;

import dev.andon.knowledge.KnowledgeBase;
import dev.andon.knowledge.Section;
import dev.andon.knowledge.SectionLinks;
import dev.andon.web.http.EngineWorkers;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cited section as a page a person can read at the machine: document title, section path, version, a
 * safety-critical banner, and the section's text as written (paragraphs, lists and tables; nothing reworded). Chat
 * answers link here; the JSON of the same section stays at {@code /api/knowledge/documents/{id}/sections/{n}}.
 */
public final class SectionPages {
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*|\\*([^*\\n]+)\\*");

    private final KnowledgeBase knowledge;
    private final EngineWorkers workers;

    public SectionPages(KnowledgeBase knowledge, EngineWorkers workers) {
        this.knowledge = knowledge;
        this.workers = workers;
    }

    public void mount(Router router) {
        router.get(SectionLinks.PAGE_BASE + ":id/sections/:section").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String section = ctx.pathParam("section");
        String version = ctx.queryParams().get("version");
        workers.run(() -> knowledge.requireSection(id, section, version)).onComplete(r -> {
            if (r.failed()) {
                ctx.fail(r.cause()); // 404 (unknown document, version or section) as JSON, like the API
                return;
            }
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(render(r.result()));
        });
    }

    static String render(Section s) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html><html lang=\"").append(esc(s.language() == null ? "en" : s.language())).append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(s.documentId() + " §" + s.section() + " " + s.heading())).append("</title>")
                .append("<style>body{font:1.15rem/1.55 system-ui,sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem;color:#111}")
                .append(".path{color:#555;font-size:.95rem}.safety{background:#b00020;color:#fff;padding:.6rem 1rem;font-weight:700}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #999;padding:.3rem .6rem;text-align:left}")
                .append("li{margin:.3rem 0}footer{color:#555;font-size:.9rem;margin-top:2rem}</style></head><body>");
        b.append("<p class=\"path\">").append(esc(s.sectionPath())).append("</p>");
        b.append("<h1>").append(esc(s.title())).append("</h1>");
        b.append("<h2>§").append(esc(s.section())).append(' ').append(esc(s.heading())).append("</h2>");
        if (s.safetyCritical()) {
            b.append("<p class=\"safety\">SAFETY-CRITICAL — follow exactly as written.</p>");
        }
        b.append("<main>");
        for (String block : s.text().strip().split("\\n\\s*\\n")) {
            block(b, block.strip());
        }
        b.append("</main><footer>").append(esc(s.documentId())).append(", version ").append(esc(s.version()))
                .append(" · <a href=\"").append(esc(s.link())).append("\">as JSON</a></footer></body></html>");
        return b.toString();
    }

    private static void block(StringBuilder b, String block) {
        String[] lines = block.split("\\n");
        if (lines.length >= 2 && java.util.Arrays.stream(lines).allMatch(l -> l.strip().startsWith("|"))) {
            b.append("<table>");
            for (String l : lines) {
                String row = l.strip();
                if (row.matches("\\|?[\\s:|-]+\\|?")) {
                    continue; // the |---| line under the header
                }
                b.append("<tr>");
                String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
                for (String cell : inner.split("\\|", -1)) {
                    b.append("<td>").append(inline(cell.strip())).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        } else if (java.util.Arrays.stream(lines).allMatch(l -> l.matches("\\s*([-*+]|\\d+[.)])\\s+.*|\\s{2,}.*"))) {
            Matcher first = Pattern.compile("^(\\d+)[.)]\\s+").matcher(lines[0].strip());
            boolean ordered = first.find();
            // a numbered list split by a table continues its numbering, as in the document
            b.append(ordered ? "<ol start=\"" + first.group(1) + "\">" : "<ul>");
            for (String l : lines) {
                String item = l.strip().replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
                b.append("<li>").append(inline(item)).append("</li>");
            }
            b.append(ordered ? "</ol>" : "</ul>");
        } else {
            b.append("<p>").append(inline(block).replace("\n", "<br>")).append("</p>");
        }
    }

    /** Escaped text with the document's own *emphasis* and **bold** kept. */
    private static String inline(String text) {
        String e = esc(text);
        Matcher m = EMPHASIS.matcher(e);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) != null ? "<strong>" + m.group(1) + "</strong>"
                    : "<em>" + m.group(2) + "</em>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
