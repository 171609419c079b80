package org.linli.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.linli.platform.PreferenceStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code ?lang=en} or {@code ?elder=on} on any page stores the choice and sends the browser back to the
 * same page without the parameter, so links work without JavaScript and bookmarks stay clean.
 */
class PreferenceSwitchInterceptor implements HandlerInterceptor {

    private final List<PreferenceStore> stores;

    PreferenceSwitchInterceptor(List<PreferenceStore> stores) {
        this.stores = stores;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String lang = request.getParameter("lang");
        String elder = request.getParameter("elder");
        if (lang == null && elder == null) {
            return true;
        }
        String language = null;
        Boolean elderMode = null;
        if (lang != null) {
            Locale locale = Preferences.parseLanguage(lang);
            if (locale != null) {
                language = locale.toLanguageTag();
                Preferences.remember(response, Preferences.LANG_COOKIE, language);
            }
        }
        if (elder != null) {
            elderMode = "on".equals(elder);
            Preferences.remember(response, Preferences.ELDER_COOKIE, elderMode ? "1" : "0");
        }
        for (PreferenceStore store : stores) {
            store.save(request, language, elderMode);
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, PageLinks.without(request.getRequestURI(), request.getQueryString()));
        return false;
    }
}
