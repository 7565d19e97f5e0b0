package org.portcullis.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressBucketTest {
    private final AddressBucket per64 = new AddressBucket(64);

    @Test
    void ipv4AddressesAreTheirOwnBucket() {
        assertThat(per64.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(per64.of("192.0.2.8")).isNotEqualTo(per64.of("192.0.2.7"));
    }

    @Test
    void everyAddressOfOneIpv6NetworkSharesItsBucket() {
        assertThat(per64.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(per64.of("2001:db8:1:2:ffff:eeee:dddd:cccc")).isEqualTo("2001:db8:1:2::/64");
        assertThat(per64.of("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void spellingsOfOneAddressAreOneBucket() {
        assertThat(per64.of("2001:DB8:0001:0002:0:0:0:1")).isEqualTo(per64.of("2001:db8:1:2::1"));
        assertThat(per64.of("::ffff:192.0.2.7")).as("IPv4-mapped IPv6 is the IPv4 client").isEqualTo("192.0.2.7");
    }

    @Test
    void aBracketedPeerOrAHopWithAPortOrZoneIsBucketedByItsAddress() {
        // Jetty's getRemoteAddr() gives IPv6 in brackets: each address was a bucket of its own.
        assertThat(per64.of("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(per64.of("[2001:db8:1:2::99]:443")).isEqualTo("2001:db8:1:2::/64");
        assertThat(per64.of("fe80::1%eth0")).isEqualTo("fe80::/64");
        assertThat(per64.of("192.0.2.7:5678")).isEqualTo("192.0.2.7");
    }

    @Test
    void thePrefixLengthIsConfigurable() {
        assertThat(new AddressBucket(48).of("2001:db8:1:2::1")).isEqualTo("2001:db8:1::/48");
        assertThat(new AddressBucket(128).of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::1/128");
        assertThat(new AddressBucket(60).of("2001:db8:1:2f::1")).isEqualTo("2001:db8:1:20::/60");
    }

    @Test
    void namesAreNeverLookedUpAndNotLiteralsStayAsGiven() {
        assertThat(per64.of("localhost")).isEqualTo("localhost");
        assertThat(per64.of("x".repeat(80))).hasSize(AddressBucket.MAX_KEY_LENGTH);
        assertThat(per64.of(null)).isEqualTo("unknown");
    }

    @Test
    void aPrefixOutsideIpv6IsRefused() {
        assertThatThrownBy(() -> new AddressBucket(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressBucket(129)).isInstanceOf(IllegalArgumentException.class);
    }
}
