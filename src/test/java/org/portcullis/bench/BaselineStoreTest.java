package org.portcullis.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.bench.compare.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineStoreTest {
    @TempDir
    Path dir;

    @Test
    void theFirstBaselineOfAPlatformIsNumberOne() {
        BaselineStore store = new BaselineStore(dir.resolve("Linux-OpenJDK-17-64bit"));

        assertThat(store.newest()).isEmpty();
        assertThat(store.next("baseline")).isEqualTo(dir.resolve("Linux-OpenJDK-17-64bit/0001_baseline.json"));
    }

    @Test
    void theNextNumberFollowsTheHighestAndGapsAreNotReused() throws IOException {
        touch("0001_baseline.json");
        touch("0003_after-upgrade.json");
        BaselineStore store = new BaselineStore(dir);

        assertThat(store.next("baseline")).isEqualTo(dir.resolve("0004_baseline.json"));
        assertThat(store.newest()).contains(dir.resolve("0003_after-upgrade.json"));
    }

    @Test
    void filesThatAreNotNumberedBaselinesAreIgnored() throws IOException {
        touch("0007_notes.txt");
        touch("12_short.json");
        touch("README.json");
        Files.createDirectory(dir.resolve("0009_dir.json"));
        BaselineStore store = new BaselineStore(dir);

        assertThat(store.newest()).isEmpty();
        assertThat(store.next("baseline").getFileName()).hasToString("0001_baseline.json");
    }

    @Test
    void savingCopiesTheResultsAndNeverOverwrites() throws IOException {
        Path results = dir.resolve("results.json");
        Files.writeString(results, "{\"run\": 1}");
        BaselineStore store = new BaselineStore(dir.resolve("platform"));

        Path first = store.save(results, "baseline");
        Files.writeString(results, "{\"run\": 2}");
        Path second = store.save(results, "baseline");

        assertThat(first.getFileName()).hasToString("0001_baseline.json");
        assertThat(second.getFileName()).hasToString("0002_baseline.json");
        assertThat(first).hasContent("{\"run\": 1}");
        assertThat(second).hasContent("{\"run\": 2}");
        assertThat(store.newest()).contains(second);
    }

    @Test
    void aMissingResultFileOrAPathLikeNameIsAUsageError() {
        BaselineStore store = new BaselineStore(dir);

        assertThatThrownBy(() -> store.save(dir.resolve("absent.json"), "baseline"))
                .isInstanceOf(UsageException.class).hasMessageContaining("absent.json");
        assertThatThrownBy(() -> store.next("../escape")).isInstanceOf(UsageException.class);
    }

    private void touch(String name) throws IOException {
        Files.writeString(dir.resolve(name), "{}");
    }
}
