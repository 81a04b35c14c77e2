package dev.hangar.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whatever the servlet container turns into an error still answers in the surface's body. */
@RestController
public class SurfaceErrorController implements ErrorController {

    private final ErrorResponder responder;

    public SurfaceErrorController(ErrorResponder responder) {
        this.responder = responder;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for by name, not reached through an error dispatch: there is nothing here
            return responder.entity(request, ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found"));
        }
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String errorCode = switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case BAD_REQUEST -> "VALIDATION_ERROR";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : status.name();
        };
        String message = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        return responder.entity(request, ApiError.of(status, errorCode, message));
    }
}
