package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.identity.internal.PasswordPolicy;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Linli@2026", "abcDEF12", "abc123!@#", "ABC123!@#", "Passw0rd", "长辈Mode1!"})
    void acceptsEightOrMoreWithThreeKinds(String password) {
        assertThat(PasswordPolicy.acceptable(password)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Ab1!", "Abc12!x", "abcdefgh", "abcdefg1", "ABCDEFG!", "12345678", "abcd efgh"})
    void refusesShortOrOneOrTwoKinds(String password) {
        assertThat(PasswordPolicy.acceptable(password)).isFalse();
    }
}
