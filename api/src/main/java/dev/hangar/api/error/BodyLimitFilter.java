package dev.hangar.api.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies over the configured size answer 413 in the surface's error body: a declared
 * {@code Content-Length} is refused before anything is read, a chunked body as soon as it passes the
 * limit while being read.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    static final ApiError TOO_LARGE = ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
            "Request body too large");

    private final ErrorResponder errors;
    private final long maxBytes;

    public BodyLimitFilter(ErrorResponder errors, long maxBytes) {
        this.errors = errors;
        this.maxBytes = maxBytes;
    }

    /** Thrown while reading past the limit; the message converters wrap it, the handler unwraps it. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body exceeds the configured limit");
        }
    }

    /**
     * A Content-Type Hangar can answer: none, or one concrete media type. A wildcard, one that does not
     * parse, or a multipart body (Hangar reads no uploads) is refused here, before the servlet container
     * or a converter fails on it.
     */
    static boolean acceptableContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype() && !"multipart".equalsIgnoreCase(type.getType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptableContentType(request.getContentType())) {
            errors.write(request, response, ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be application/json"));
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            errors.write(request, response, TOO_LARGE);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, maxBytes), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (tooLarge(e) && !response.isCommitted()) {
                response.resetBuffer();
                errors.write(request, response, TOO_LARGE);
                return;
            }
            throw e;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}
