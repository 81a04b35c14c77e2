package dev.hangar.api.error;

import dev.hangar.kernel.common.HangarException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every refusal, on every surface, leaves here in the surface's own error body. */
@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    private final ErrorResponder responder;

    public GlobalExceptionHandler(ErrorResponder responder) {
        this.responder = responder;
    }

    @ExceptionHandler(HangarException.class)
    ResponseEntity<Object> hangar(HangarException e, HttpServletRequest request) {
        return responder.entity(request, toApiError(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, Object>> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()),
                        "value", String.valueOf(f.getRejectedValue())))
                .toList();
        FieldError first = e.getBindingResult().getFieldError();
        String message = first == null ? "Invalid input"
                : first.getField() + ": " + first.getDefaultMessage();
        return responder.entity(request, new ApiError(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", message, details));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (BodyLimitFilter.tooLarge(e)) {
            return responder.entity(request, BodyLimitFilter.TOO_LARGE);
        }
        return responder.entity(request, ApiError.badRequest("Invalid JSON body"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return responder.entity(request, ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Content-Type must be application/json"));
    }

    /** Spring Security's firewall refuses a parameter name or value (e.g. quotes in a form body) when it is read. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            ConstraintViolationException.class, HandlerMethodValidationException.class,
            org.springframework.security.web.firewall.RequestRejectedException.class})
    ResponseEntity<Object> badParameter(Exception e, HttpServletRequest request) {
        return responder.entity(request, ApiError.badRequest("Invalid request parameter"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAggregate(AggregateNotFoundException e, HttpServletRequest request) {
        return responder.entity(request, ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found"));
    }

    /**
     * A real conflict, told by Axon's type, never by its message: another writer appended to the same
     * stream ({@link ConcurrencyException}) or created the same new stream first, a unique name on
     * another node, say ({@link AggregateStreamCreationException}). The loser may try again. Every
     * other storage failure (a full disk, a value too long) is a logged 500.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrent(Exception e, HttpServletRequest request) {
        log.info("Conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return responder.entity(request, ApiError.of(HttpStatus.CONFLICT, "CONFLICT",
                "A concurrent change won; try again"));
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> storeFailure(EventStoreException e, HttpServletRequest request) {
        return unexpected(e, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        return responder.entity(request, ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return responder.entity(request, ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return responder.entity(request, ApiError.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Not acceptable"));
    }

    @ExceptionHandler({CompletionException.class, CommandExecutionException.class})
    ResponseEntity<Object> wrapped(RuntimeException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof HangarException h) {
            return hangar(h, request);
        }
        if (cause instanceof AggregateNotFoundException a) {
            return unknownAggregate(a, request);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrent((Exception) cause, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responder.entity(request, ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal server error"));
    }

    public static ApiError toApiError(HangarException e) {
        HttpStatus status = switch (e.kind()) {
            case VALIDATION -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN, PLAN_LIMIT -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            // the one documented 500: the container engine failed or cannot be reached
            case CONTAINER_RUNTIME -> HttpStatus.INTERNAL_SERVER_ERROR;
            case PAYMENT_FAILED -> HttpStatus.PAYMENT_REQUIRED;
        };
        return ApiError.of(status, e.code(), e.getMessage());
    }
}
