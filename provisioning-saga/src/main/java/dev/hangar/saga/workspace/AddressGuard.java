package dev.hangar.saga.workspace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps probes (and status webhooks) out of the operator's own network: an address in a denied range
 * is refused unless an allowed range holds it. Checked on every address the host name resolves to, at every probe
 * (a name that resolves elsewhere later is checked again), and the probe connects to the address
 * that was checked.
 */
public final class AddressGuard {

    /** Link-local (cloud metadata services live there), other metadata addresses, loopback, "this host". */
    public static final List<String> BUILT_IN_DENY = List.of("169.254.0.0/16", "fe80::/10", "100.100.100.200/32",
            "fd00:ec2::254/128", "127.0.0.0/8", "::1/128", "0.0.0.0/8", "::/128");

    /** Private networks (RFC 1918, carrier-grade NAT, IPv6 unique local): the operator's own network. */
    public static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "fc00::/7");

    /** Multicast, broadcast and reserved ranges: never a web server. */
    public static final List<String> RESERVED_RANGES = List.of("224.0.0.0/4", "240.0.0.0/4", "ff00::/8");

    /** Loopback, for an {@code allow} list that lets it through. */
    public static final List<String> LOOPBACK_RANGES = List.of("127.0.0.0/8", "::1/128");

    private final List<Cidr> deny;
    private final List<Cidr> allow;

    public AddressGuard(List<String> extraDeny, List<String> allow) {
        List<String> all = new ArrayList<>(BUILT_IN_DENY);
        all.addAll(extraDeny);
        this.deny = all.stream().map(Cidr::parse).toList();
        this.allow = allow.stream().map(Cidr::parse).toList();
    }

    /** Why {@code address} may not be probed, if it may not. */
    public Optional<String> refusal(InetAddress address) {
        if (allow.stream().anyMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
        return deny.stream().filter(c -> c.contains(address)).findFirst()
                .map(c -> "Refused: " + address.getHostAddress() + " is in a range Hangar does not connect to (" + c + ")");
    }

    /** A range in CIDR notation; a bare address is a range of one. */
    record Cidr(byte[] network, int bits, String text) {

        static Cidr parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            try {
                byte[] net = InetAddress.getByName(slash < 0 ? t : t.substring(0, slash)).getAddress();
                int bits = slash < 0 ? net.length * 8 : Integer.parseInt(t.substring(slash + 1));
                if (bits < 0 || bits > net.length * 8 || !t.matches("[0-9A-Fa-f.:/]+")) {
                    throw new IllegalArgumentException("Not a CIDR range: " + text);
                }
                return new Cidr(net, bits, t);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not a CIDR range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((a[full] ^ network[full]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
