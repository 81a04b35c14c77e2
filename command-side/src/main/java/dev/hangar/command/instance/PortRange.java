package dev.hangar.command.instance;

/** The host ports Hangar hands to databases, first to last inclusive. */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1024 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range must lie within 1024-65535: " + first + "-" + last);
        }
    }

    int size() {
        return last - first + 1;
    }
}
