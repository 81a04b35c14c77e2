package dev.hangar.kernel.instance;

import java.util.Locale;

/** A compute instance's status; the Instances surface shows it in lower case. */
public enum InstanceStatus {
    CREATING, STARTING, RUNNING, STOPPING, STOPPED, FAILED, DELETING, DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
