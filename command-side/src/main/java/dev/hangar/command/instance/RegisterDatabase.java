package dev.hangar.command.instance;

import dev.hangar.kernel.database.DatabaseRequested;

/** Issued by {@link DatabaseCommandHandler} once the slot and the port are held. */
record RegisterDatabase(DatabaseRequested request) {
}
