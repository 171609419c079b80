package org.linli.platform.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The two things every page honours before sign-in exists: the language and 长辈模式 (elder mode),
 * each kept in a cookie. Chinese is the default; only Chinese and English are supported.
 */
final class Preferences {

    static final String LANG_COOKIE = "linli_lang";
    static final String ELDER_COOKIE = "linli_elder";
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    private Preferences() {
    }

    /** {@code en} or {@code zh}/{@code zh-CN} (any case); anything else is not a language we speak. */
    static Locale parseLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "zh" -> CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    /** The first supported language among the Accept-Language ranges, by weight; Chinese when none. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Locale found = parseLanguage(range.getRange());
                if (found != null) {
                    return found;
                }
                if ("*".equals(range.getRange())) {
                    return CHINESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        return CHINESE;
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static boolean elderMode(HttpServletRequest request) {
        return "1".equals(cookie(request, ELDER_COOKIE));
    }

    static void remember(HttpServletResponse response, String name, String value) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .path("/")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
