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

    @Test
    void aLabelTakenFromTheUserAgentLosesControlsBidiOverridesAndLineSeparators() {
        // Jetty reads header bytes as ISO-8859-1, so a raw 0x85 or 0x9B byte arrives as a C1 control.
        assertThat(DeviceNames.choose(null, "cu\u0085rl\u009b/8.5.0")).isEqualTo("curl/8.5.0");
        assertThat(DeviceNames.choose(null, "evil\u202egpj.exe\u2028\u2066x\u0000")).isEqualTo("evilgpj.exex");
        assertThat(DeviceNames.choose(null, "\u202e\u0085")).isEqualTo(DeviceNames.FALLBACK);
    }
}
