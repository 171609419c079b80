package org.linli.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/** The language cookie wins, then Accept-Language, then Chinese. */
class LinliLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = Preferences.parseLanguage(Preferences.cookie(request, Preferences.LANG_COOKIE));
        return chosen != null ? chosen : Preferences.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = locale == null ? Preferences.CHINESE : Preferences.parseLanguage(locale.toLanguageTag());
        Preferences.remember(response, Preferences.LANG_COOKIE,
                (supported == null ? Preferences.CHINESE : supported).toLanguageTag());
    }
}
