package dev.andon.assistant.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {
    @Test
    void markupIsDroppedAndStrayBracketsDefused() {
        assertThat(PlainText.clean("<script>alert(1)</script> <b>bold</b> 3 < 4 > 2"))
                .isEqualTo("alert(1) bold 3 ‹ 4 › 2");
        assertThat(PlainText.clean("<img src=x onerror=alert(1)>ok")).isEqualTo("ok");
    }

    @Test
    void echoIsOneShortLine() {
        assertThat(PlainText.echo("a\n\n b <i>c</i> " + "x".repeat(100), 10)).isEqualTo("a b c xxxx…");
    }
}
