package dev.hangar.saga.runtime;

public record ExecResult(int exitCode, String output) {
}
