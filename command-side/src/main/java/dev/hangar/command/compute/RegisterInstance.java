package dev.hangar.command.compute;

import dev.hangar.kernel.instance.InstanceRequested;

/** Issued by {@link ComputeInstanceCommandHandler} once the slot and the name are held. */
record RegisterInstance(InstanceRequested request) {
}
