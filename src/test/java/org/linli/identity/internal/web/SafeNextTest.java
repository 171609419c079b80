package org.linli.identity.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** After sign-in Linli only ever sends someone to a page of its own. */
class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/admin/centers/xiaojie/staff", "/centers/xiaojie/book/legal?date=2026-12-02",
            "/me/details"})
    void pagesOfThisSiteAreKept(String next) {
        assertThat(WebSignIn.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example",
            "evil.example", "/{x}", "/a b", "/%0d%0aSet-Cookie:x", ""})
    void anythingElseGoesToTheAccountPage(String next) {
        assertThat(WebSignIn.safeNext(next)).isEqualTo("/account");
    }
}
