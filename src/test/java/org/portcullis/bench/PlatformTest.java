package org.portcullis.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTest {
    @Test
    void openJdkOnLinuxIsNamedLikePytestBenchmarksPlatforms() {
        assertThat(Platform.of("Linux", "OpenJDK 64-Bit Server VM", 17, 64)).isEqualTo("Linux-OpenJDK-17-64bit");
    }

    @Test
    void macOsAndWindowsGetTheirShortNames() {
        assertThat(Platform.of("Mac OS X", "OpenJDK 64-Bit Server VM", 21, 64)).isEqualTo("Darwin-OpenJDK-21-64bit");
        assertThat(Platform.of("Windows 11", "OpenJDK 64-Bit Server VM", 17, 64)).isEqualTo("Windows-OpenJDK-17-64bit");
    }

    @Test
    void theJvmIsNamedByItsImplementation() {
        assertThat(Platform.jvm("Java HotSpot(TM) 64-Bit Server VM")).isEqualTo("HotSpot");
        assertThat(Platform.jvm("Eclipse OpenJ9 VM")).isEqualTo("OpenJ9");
        assertThat(Platform.jvm("GraalVM CE 17.0.9+9.1")).isEqualTo("GraalVM");
        assertThat(Platform.jvm("Zing 64-Bit Tiered VM")).isEqualTo("Zing");
        assertThat(Platform.jvm("")).isEqualTo("JVM");
    }

    @Test
    void thisJvmsPlatformHasFourDashSeparatedParts() {
        assertThat(Platform.current()).matches("[A-Za-z0-9]+-[A-Za-z0-9]+-\\d+-(32|64)bit");
    }
}
