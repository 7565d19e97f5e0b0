package org.portcullis.http;

import org.portcullis.service.AddressLiteral;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides which address a request came from. The socket peer is the truth unless the peer is one of
 * our own trusted proxies; only then is X-Forwarded-For read, right to left, skipping further trusted
 * hops, and the first address not ours is the client. A client talking to us directly cannot move itself
 * to another address by writing the header.
 *
 * <p>Every X-Forwarded-For line counts, in order, as one list (RFC 9110 5.3: repeated lines are one
 * comma-separated value): a proxy that appends a line of its own instead of extending the client's must not
 * leave the client's forged first line as the answer. Peer and hops are read by {@link AddressLiteral}
 * (brackets, ports, zones, IPv4-mapped) and the client is returned in its canonical spelling.
 */
public final class ClientAddressResolver {
    private final List<AddressBlock> trusted;

    public ClientAddressResolver(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(AddressBlock::parse).toList();
    }

    /**
     * @param peer         the socket peer as the container gives it ({@code [2001:db8::1]} for IPv6)
     * @param forwardedFor every X-Forwarded-For line of the request, in the order received
     * @return the client's address, canonical; the peer as given if it is no IP literal
     */
    public String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> client = AddressLiteral.parse(peer);
        if (client.isEmpty()) {
            return peer;
        }
        if (!isTrusted(client.get())) {
            return AddressLiteral.canonical(client.get());
        }
        List<String> hops = forwardedFor.stream().flatMap(line -> Arrays.stream(line.split(","))).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop;
            if (!isTrusted(hop.get())) {
                break;
            }
        }
        return AddressLiteral.canonical(client.get());
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An address or CIDR block such as {@code 10.0.0.0/8} or {@code ::1}. */
    record AddressBlock(byte[] network, int prefixBits) {
        static AddressBlock parse(String spec) {
            String[] parts = spec.strip().split("/", 2);
            InetAddress address = AddressLiteral.parse(parts[0]).orElseThrow(
                    () -> new IllegalArgumentException("not an IP address or CIDR block: " + spec));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length in " + spec);
            }
            return new AddressBlock(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
