package org.linli.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.platform.LinliException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the JSON API as problem details with a stable code, in the caller's language. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    ApiExceptionHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(LinliException.class)
    ResponseEntity<ProblemDetail> refused(LinliException ex, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
        if (ex.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
        }
        ProblemDetail problem = problems.of(ex.status(), ex.code(), locale(), request.getRequestURI(), ex.args());
        if (ex.field() != null) {
            problems.withErrors(problem, List.of(fieldError(ex.field(), ex.code(), problem.getDetail())));
        } else if (!ex.fieldErrors().isEmpty()) {
            problems.withErrors(problem, ex.fieldErrors().stream().map(e -> fieldError(e.field(), e.code(),
                    problems.detail("FIELD_" + e.code(), locale(), e.label() != null ? e.label()
                            : messages.getMessage("field." + e.field(), null, e.field(), locale()))))
                    .toList());
        }
        return response.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return invalidFields(request.getRequestURI(), List.of(fieldError(ex.getName(), "INVALID",
                problems.detail("INVALID_PARAMETER", locale(), ex.getName()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            errors.add(fieldError(field, fieldCode(constraint), v.getMessage()));
        });
        return invalidFields(request.getRequestURI(), errors);
    }

    /** Two requests crossed (e.g. a deadlock between two moves): nothing was changed; trying again works. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> crossed(Exception ex, HttpServletRequest request) {
        log.info("Concurrent update refused on {}: {}", request.getRequestURI(), ex.toString());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.of(HttpStatus.CONFLICT, "CONCURRENT_UPDATE", locale(), request.getRequestURI()));
    }

    /** A file was expected but the body is not a multipart form (an oversized one is still a 413). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(Exception ex, HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .body(problems.of(HttpStatus.BAD_REQUEST, "UPLOAD_NOT_MULTIPART", locale(), request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        if (DatabaseDown.is(ex)) {
            // nothing was changed and the pool reconnects by itself: the caller may try again shortly
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", locale(),
                            request.getRequestURI()));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status)
                .body(problems.of(status, "INTERNAL_ERROR", locale(), request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), fieldCode(error.getCode()), messages.getMessage(error, locale)));
        }
        return ResponseEntity.badRequest().body(invalidFields(path(request), errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed: {}", path(request), ex);
        }
        ProblemDetail problem = problems.of(statusCode, Problems.codeFor(statusCode.value()), locale(), path(request));
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private ResponseEntity<ProblemDetail> invalidFields(String path, List<Map<String, String>> errors) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale(), path);
        return ResponseEntity.badRequest().body(problems.withErrors(problem, errors));
    }

    private static Map<String, String> fieldError(String field, String code, String message) {
        return Map.of("field", field, "code", code, "message", message == null ? code : message);
    }

    /** Constraint names become stable field codes. */
    private static String fieldCode(String constraint) {
        if (constraint == null) {
            return "INVALID";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size", "Length" -> "LENGTH";
            case "Pattern", "Email" -> "FORMAT";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "RANGE";
            default -> {
                if (constraint.matches("[A-Z_]+")) {
                    yield constraint;
                }
                yield "INVALID";
            }
        };
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
