package dev.andon.knowledge.ingest;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Markdown with YAML front matter. Section text keeps the author's own Markdown source, so safety-critical steps are
 * quoted exactly as written; headings come from the Markdown heading structure.
 */
public final class MarkdownParser {
    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final TextContentRenderer headingText = TextContentRenderer.builder().build();

    public RawDocument parse(String fileName, String text, Map<String, Object> sidecar) {
        FrontMatter.Split split = FrontMatter.split(fileName, text);
        Map<String, Object> fields = split.present() ? split.fields() : sidecar;
        String body = split.body();
        String[] lines = body.split("\r?\n", -1);
        Node document = parser.parse(body);
        List<RawSection> sections = new ArrayList<>();
        RawSection current = new RawSection(null, 0);
        sections.add(current);
        String title = null;
        boolean seenHeading = false;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                String words = headingText.render(h).strip();
                if (!seenHeading && h.getLevel() == 1 && HeadingText.parse(words).number() == null && title == null) {
                    title = words;
                    seenHeading = true;
                    continue;
                }
                seenHeading = true;
                current = new RawSection(words, h.getLevel());
                sections.add(current);
            } else if (!(node instanceof ThematicBreak)) {
                boolean list = node instanceof OrderedList || node instanceof BulletList;
                String source = source(node, lines);
                if (node instanceof BlockQuote) {
                    source = source.replaceAll("(?m)^\\s{0,3}> ?", "");
                }
                current.add(new TextBlock(source.strip(), list));
            }
        }
        return new RawDocument(fields, title, sections);
    }

    private static String source(Node node, String[] lines) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        int first = spans.get(0).getLineIndex();
        int last = spans.get(spans.size() - 1).getLineIndex();
        StringBuilder sb = new StringBuilder();
        for (int i = first; i <= last && i < lines.length; i++) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(lines[i]);
        }
        return sb.toString();
    }
}
