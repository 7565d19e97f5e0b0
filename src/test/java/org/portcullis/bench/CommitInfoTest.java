package org.portcullis.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommitInfoTest {
    @Test
    void outsideAGitRepositoryEveryFieldIsUnknown(@TempDir Path notARepository) {
        assertThat(CommitInfo.of(notARepository)).isEqualTo(new CommitInfo(null, null, null, null));
    }
}
