package dev.hangar.api.error;

import org.springframework.http.HttpStatus;

/** One refusal, before a surface gives it its shape. */
public record ApiError(HttpStatus status, String code, String message, Object details) {

    public static ApiError of(HttpStatus status, String code, String message) {
        return new ApiError(status, code, message, null);
    }

    public static ApiError badRequest(String message) {
        return of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", message);
    }

    public static ApiError unauthorized(String message) {
        return of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", message);
    }
}
