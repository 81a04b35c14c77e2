package dev.hangar.kernel.database;

/** The engine catalog, with whether the host has (or can get) each image. */
public record ListEngines() {
}
