package org.linli.platform;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller should understand: a stable {@code code} for machines, and a message key
 * ({@code error.CODE.detail}) that the web layer renders in the caller's language.
 */
public class LinliException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private Long retryAfterSeconds;
    private String field;
    private java.util.List<FieldError> fieldErrors = java.util.List.of();

    /**
     * One wrong field of a request: its name, a field code ({@code REQUIRED}, {@code FORMAT},
     * {@code CHOICE}, {@code LENGTH}), and the label to name it by (null: the message key
     * {@code field.NAME} gives it).
     */
    public record FieldError(String field, String code, String label) {
    }

    public LinliException(HttpStatus status, String code, Object... args) {
        super(code + " " + Arrays.toString(args));
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Seconds after which trying again may succeed (sent as {@code Retry-After}), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public LinliException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** The request field this refusal is about, or null. */
    public String field() {
        return field;
    }

    /** 400 naming one field: the problem's {@code errors} gets one entry for it. */
    public static LinliException invalidField(String field, String code, Object... args) {
        LinliException e = new LinliException(HttpStatus.BAD_REQUEST, code, args);
        e.field = field;
        return e;
    }

    /**
     * 400: required parts are missing; the problem's {@code errors} gets one {@code REQUIRED} entry per
     * field, its message naming the field by its label ({@code field.NAME}) in the caller's language.
     */
    public static LinliException missing(String code, java.util.List<String> fields) {
        return fields(code, fields.stream().map(f -> new FieldError(f, "REQUIRED", null)).toList());
    }

    /** 400 naming every wrong field at once: the problem's {@code errors} gets one entry per field. */
    public static LinliException fields(String code, java.util.List<FieldError> errors) {
        LinliException e = new LinliException(HttpStatus.BAD_REQUEST, code);
        e.fieldErrors = java.util.List.copyOf(errors);
        return e;
    }

    /** The fields found wrong (empty unless made by {@link #fields} or {@link #missing}). */
    public java.util.List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The names of the fields found missing or wrong. */
    public java.util.List<String> missingFields() {
        return fieldErrors.stream().map(FieldError::field).toList();
    }

    /** 400: the input is wrong; the code names what. */
    public static LinliException badRequest(String code, Object... args) {
        return new LinliException(HttpStatus.BAD_REQUEST, code, args);
    }

    /** 401: not signed in, or the credentials are wrong. */
    public static LinliException unauthorized(String code, Object... args) {
        return new LinliException(HttpStatus.UNAUTHORIZED, code, args);
    }

    /** 403: visible, but the caller may not do this. */
    public static LinliException forbidden(String code, Object... args) {
        return new LinliException(HttpStatus.FORBIDDEN, code, args);
    }

    /** 404: it does not exist, or the caller may not see it. */
    public static LinliException notFound(String code, Object... args) {
        return new LinliException(HttpStatus.NOT_FOUND, code, args);
    }

    /** 409: the state of the thing forbids it. */
    public static LinliException conflict(String code, Object... args) {
        return new LinliException(HttpStatus.CONFLICT, code, args);
    }
}
