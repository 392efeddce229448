package dev.andon.knowledge.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A change to the documents folder is undone exactly, or kept, whatever point a crash stopped it at. */
class FolderTransactionTest {
    @TempDir
    Path root;

    private Path staging() {
        return root.resolve(".changes");
    }

    private Path file(String name, String text) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Replaces one file, creates two (one in a new folder), deletes one, writes one file twice; then "crashes". */
    private FolderTransaction interruptedChange() throws IOException {
        FolderTransaction tx = FolderTransaction.begin(root, staging());
        tx.write(root.resolve("sop.md"), bytes("v2"));
        tx.write(root.resolve("archive/sop-v1.md"), bytes("v1"));
        tx.delete(root.resolve("old.md"));
        tx.write(root.resolve("new.md"), bytes("first"));
        tx.write(root.resolve("new.md"), bytes("second"));
        tx.delete(root.resolve("never-there.md"));
        return tx;
    }

    @Test
    void aChangeThatNeverCommittedIsPutBackExactlyAtTheNextStart() throws IOException {
        file("sop.md", "v1");
        file("old.md", "keep me");
        interruptedChange();

        FolderTransaction.Recovery r = FolderTransaction.recover(root, staging(), id -> false);

        assertThat(r.undone()).hasSize(1);
        assertThat(Files.readString(root.resolve("sop.md"))).isEqualTo("v1");
        assertThat(Files.readString(root.resolve("old.md"))).isEqualTo("keep me");
        assertThat(root.resolve("new.md")).doesNotExist();
        assertThat(root.resolve("archive/sop-v1.md")).doesNotExist();
        assertThat(staging()).isEmptyDirectory();
    }

    @Test
    void aChangeThatCommittedStaysAndOnlyItsUndoDataGoes() throws IOException {
        file("sop.md", "v1");
        file("old.md", "keep me");
        FolderTransaction tx = interruptedChange();

        FolderTransaction.Recovery r = FolderTransaction.recover(root, staging(), id -> id.equals(tx.id()));

        assertThat(r.committed()).containsExactly(tx.id());
        assertThat(Files.readString(root.resolve("sop.md"))).isEqualTo("v2");
        assertThat(Files.readString(root.resolve("new.md"))).isEqualTo("second");
        assertThat(Files.readString(root.resolve("archive/sop-v1.md"))).isEqualTo("v1");
        assertThat(root.resolve("old.md")).doesNotExist();
        assertThat(staging()).isEmptyDirectory();
    }

    @Test
    void aCrashBeforeTheFirstTouchOfAFileLeavesThatFileAsItWas() throws IOException {
        file("sop.md", "v1");
        FolderTransaction tx = FolderTransaction.begin(root, staging());
        tx.write(root.resolve("other.md"), bytes("x"));
        // The backup of sop.md was made but the crash came before its op file: the file itself was never touched.
        Files.copy(root.resolve("sop.md"), staging().resolve(tx.id()).resolve("2.bak"));

        FolderTransaction.recover(root, staging(), id -> false);

        assertThat(Files.readString(root.resolve("sop.md"))).isEqualTo("v1");
        assertThat(root.resolve("other.md")).doesNotExist();
    }

    @Test
    void aRollbackInTheRunningServicePutsEverythingBack() throws IOException {
        file("sop.md", "v1");
        file("old.md", "keep me");
        FolderTransaction tx = interruptedChange();

        tx.rollback();

        assertThat(Files.readString(root.resolve("sop.md"))).isEqualTo("v1");
        assertThat(Files.readString(root.resolve("old.md"))).isEqualTo("keep me");
        assertThat(root.resolve("new.md")).doesNotExist();
        assertThat(staging().resolve(tx.id())).doesNotExist();
    }

    @Test
    void aChangeThatWritesNothingLeavesNoTrace() {
        FolderTransaction tx = FolderTransaction.begin(root, staging());
        assertThat(tx.touched()).isFalse();
        tx.finish();
        assertThat(staging()).doesNotExist();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
