package dev.hangar.kernel.database;

/** Seed 003's words, plus the moments between them while a container changes state. */
public enum DatabaseStatus { CREATING, RUNNING, SUSPENDING, SUSPENDED, RESUMING, DELETING, FAILED, DELETED }
