package dev.hangar.api.surface;

import java.util.function.Supplier;

/**
 * One refusal as every surface sees it, before its {@link ErrorBody} gives it a shape.
 *
 * @param code      the stable machine word ({@code VALIDATION_ERROR}, {@code INVALID_STATE}, ...)
 * @param message   for people
 * @param details   field errors and the like, or null
 * @param path      the request path the refusal answers (the original one, on an error dispatch)
 * @param requestId the client's {@code X-Request-Id}, or a fresh one; computed only when asked
 */
public record ErrorFacts(String code, String message, Object details, String path, Supplier<String> requestId) {
}
