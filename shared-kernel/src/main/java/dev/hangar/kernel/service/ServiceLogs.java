package dev.hangar.kernel.service;

import java.util.List;

/** Log lines, each starting with its RFC 3339 timestamp. */
public record ServiceLogs(List<String> lines) {
}
