package org.portcullis.service;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AddressLiteralTest {
    @Test
    void jettysBracketedIpv6PeerIsItsAddress() {
        assertThat(canonical("[2001:db8::1]")).contains("2001:db8::1");
        assertThat(canonical("[::1]")).contains("::1");
    }

    @Test
    void aPortAfterIpv4OrBracketedIpv6IsDropped() {
        assertThat(canonical("198.51.100.7:5678")).contains("198.51.100.7");
        assertThat(canonical("[2001:DB8:0::1]:443")).contains("2001:db8::1");
    }

    @Test
    void aZoneIdIsDropped() {
        assertThat(canonical("fe80::1%eth0")).contains("fe80::1");
        assertThat(canonical("[fe80::1%25eth0]:443")).contains("fe80::1");
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertThat(AddressLiteral.parse("::ffff:198.51.100.7")).get().isInstanceOf(Inet4Address.class);
        assertThat(canonical("[::ffff:198.51.100.7]:80")).contains("198.51.100.7");
    }

    @Test
    void spellingsOfOneAddressAreOneCanonicalText() {
        assertThat(canonical(" 2001:0DB8:0000:0000:0000:0000:0000:0001 ")).contains("2001:db8::1");
    }

    @Test
    void namesAndMalformedLiteralsAreNoAddressAndNeverLookedUp() {
        for (String text : new String[]{null, "", "localhost", "example.com:80", "deadbeef", "[::1", "[::1]x",
                "[::1]:", "[::1]:123456", "1.2.3.4:", "1.2.3.4:http", "1.2.3.4%eth0x:1", "unknown", "_hidden",
                "1.2.3.4.5", "[1.2.3.4"}) {
            assertThat(AddressLiteral.parse(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    private static Optional<String> canonical(String text) {
        return AddressLiteral.parse(text).map(AddressLiteral::canonical);
    }
}
