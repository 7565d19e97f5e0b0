package org.portcullis.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceNamesTest {
    @Test
    void theRequestedNameWins() {
        assertThat(DeviceNames.choose("My phone", "curl/8.5.0")).isEqualTo("My phone");
    }

    @Test
    void browsersAreNamedWithTheirSystem() {
        assertThat(DeviceNames.choose(null, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0")).isEqualTo("Edge on Windows");
        assertThat(DeviceNames.choose(null, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"
                + " AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
    }

    @Test
    void toolsAreNamedByTheirProductTokenAndNothingGivesTheFallback() {
        assertThat(DeviceNames.choose(null, "curl/8.5.0")).isEqualTo("curl/8.5.0");
        assertThat(DeviceNames.choose(" ", null)).isEqualTo(DeviceNames.FALLBACK);
        assertThat(DeviceNames.choose(null, "x".repeat(300))).hasSize(100);
    }
}
