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

    /** 404: it does not exist, or the caller may not see it. */
    public static LinliException notFound(String code, Object... args) {
        return new LinliException(HttpStatus.NOT_FOUND, code, args);
    }

    /** 409: the state of the thing forbids it. */
    public static LinliException conflict(String code, Object... args) {
        return new LinliException(HttpStatus.CONFLICT, code, args);
    }
}
