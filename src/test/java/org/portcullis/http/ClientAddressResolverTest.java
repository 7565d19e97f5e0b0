package org.portcullis.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressResolverTest {
    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of());
        assertThat(resolver.resolve("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxysHeaderNamesTheFirstUntrustedHopFromTheRight() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "192.168.1.1"));
        assertThat(resolver.resolve("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        // The client wrote a fake first entry; the proxies appended what they saw.
        assertThat(resolver.resolve("10.1.2.3", List.of("1.2.3.4, 203.0.113.9, 192.168.1.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void everyForwardedForLineIsReadAsOneList() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8"));
        // The client sent a forged line; the proxy appended a line of its own rather than extending it.
        assertThat(resolver.resolve("10.1.2.3", List.of("1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(resolver.resolve("10.1.2.3", List.of("1.2.3.4, 5.6.7.8", "203.0.113.9, 10.9.9.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void hopsWithPortsBracketsAndZonesAreReadAsTheirAddresses() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "fd00::/8"));
        assertThat(resolver.resolve("10.1.2.3", List.of("203.0.113.9:5678"))).isEqualTo("203.0.113.9");
        assertThat(resolver.resolve("10.1.2.3", List.of("[2001:DB8::5]:443"))).isEqualTo("2001:db8::5");
        assertThat(resolver.resolve("10.1.2.3", List.of("203.0.113.9, [fd00::7]:80"))).isEqualTo("203.0.113.9");
        assertThat(resolver.resolve("[fd12::1]", List.of("::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void theJettyPeerIsReadInBracketsAndReturnedCanonical() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("::1"));
        assertThat(resolver.resolve("[2001:db8:0:0::1]", List.of("203.0.113.9"))).isEqualTo("2001:db8::1");
        assertThat(resolver.resolve("[::1]", List.of("203.0.113.9"))).as("a trusted bracketed peer")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8"));
        assertThat(resolver.resolve("198.51.100.7", List.of("10.0.0.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void garbageInTheHeaderIsNeverResolvedAsAHostName() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("127.0.0.1"));
        assertThat(resolver.resolve("127.0.0.1", List.of("example.com"))).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve("127.0.0.1", List.of("localhost:80"))).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6BlocksMatchByPrefix() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("fd00::/8"));
        assertThat(resolver.resolve("fd12::1", List.of("2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(resolver.resolve("fe80::1", List.of("2001:db8::5"))).isEqualTo("fe80::1");
    }

    @Test
    void aBadProxyEntryFailsAtStart() {
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
    }
}
