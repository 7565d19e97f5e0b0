package org.portcullis.service;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The key under which a client address is throttled. An IPv4 address is one client. An IPv6 host is
 * routinely given a whole /64 and picks any address in it, so exact IPv6 addresses would hand an attacker
 * unlimited fresh counters: IPv6 addresses are throttled by their prefix ({@code clients.ipv6Prefix}).
 * Keys are canonical (RFC 5952) so that {@code 2001:DB8:0::1}, {@code [2001:db8::1]:443} and
 * {@code 2001:db8::1} are one client, and parsing never looks a name up in DNS.
 */
public final class AddressBucket {
    /** The width of the address columns of the throttle tables. */
    static final int MAX_KEY_LENGTH = 45;

    private final int ipv6PrefixBits;

    public AddressBucket(int ipv6PrefixBits) {
        if (ipv6PrefixBits < 1 || ipv6PrefixBits > 128) {
            throw new IllegalArgumentException("IPv6 prefix must be 1..128 bits: " + ipv6PrefixBits);
        }
        this.ipv6PrefixBits = ipv6PrefixBits;
    }

    /**
     * {@code a.b.c.d} for IPv4 (and IPv4-mapped IPv6), {@code network/prefix} for IPv6, however the address
     * is written (brackets, port, zone: {@link AddressLiteral}); anything that is not an IP literal (a
     * servlet container's odd peer, a Unix socket) is its own key, as given.
     */
    public String of(String address) {
        if (address == null) {
            return "unknown";
        }
        Optional<InetAddress> parsed = AddressLiteral.parse(address);
        if (parsed.isEmpty()) {
            return address.length() <= MAX_KEY_LENGTH ? address : address.substring(0, MAX_KEY_LENGTH);
        }
        if (parsed.get() instanceof Inet4Address) {
            return AddressLiteral.canonical(parsed.get());
        }
        return AddressLiteral.canonical(masked(parsed.get().getAddress())) + "/" + ipv6PrefixBits;
    }

    private InetAddress masked(byte[] bytes) {
        for (int bit = ipv6PrefixBits; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
