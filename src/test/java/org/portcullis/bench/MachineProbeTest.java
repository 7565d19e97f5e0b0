package org.portcullis.bench;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.MachineInfo;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MachineProbeTest {
    @Test
    void machineInfoHasExactlyTheKeysTheComparatorCompares() {
        assertThat(MachineProbe.current().keySet()).containsExactlyElementsOf(MachineInfo.COMPARED_KEYS);
        assertThat(MachineProbe.current().get("cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theCpuIsTheFirstModelNameOfProcCpuinfo() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "model name\t: AMD EPYC 7B13", "processor\t: 1", "model name\t: AMD EPYC 7B13");

        assertThat(MachineProbe.cpuModel(cpuinfo)).contains("AMD EPYC 7B13");
        assertThat(MachineProbe.cpuModel(List.of("Model\t\t: Raspberry Pi 4 Model B Rev 1.4")))
                .contains("Raspberry Pi 4 Model B Rev 1.4");
        assertThat(MachineProbe.cpuModel(List.of("processor\t: 0", "BogoMIPS\t: 108.00"))).isEmpty();
    }

    @Test
    void cpuFlagsKeepOnlyTheFeaturesThatMoveTheRulerSorted() {
        List<String> cpuinfo = List.of("model name\t: AMD EPYC 7B13", "flags\t\t: fpu vme sha_ni avx2 aes sse2 avx2");

        assertThat(MachineProbe.cpuFlags(cpuinfo)).isEqualTo("aes avx2 sha_ni");
        assertThat(MachineProbe.cpuFlags(List.of("Features\t: fp asimd aes pmull sha1 sha2 crc32")))
                .isEqualTo("aes pmull sha1 sha2");
        assertThat(MachineProbe.cpuFlags(List.of())).isEqualTo("unknown");
    }
}
