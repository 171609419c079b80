package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.platform.PhoneNumber;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800000001", "19912345678", "+86 138 0000 0001", "0086-138-0000-0001", " 13800000001 "})
    void acceptsMainlandMobileNumbersInTheirUsualSpellings(String input) {
        PhoneNumber phone = PhoneNumber.parseOrNull(input);
        assertThat(phone).isNotNull();
        assertThat(phone.value()).hasSize(11).startsWith("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12800000001", "1380000000", "138000000012", "0871-60000100", "1380000000a",
            "+1 138 0000 0001"})
    void refusesWhatIsNotAMobileNumber(String input) {
        assertThat(PhoneNumber.parseOrNull(input)).isNull();
    }

    @Test
    void nullIsNotANumberAndTheConstructorInsistsOnTheCanonicalForm() {
        assertThat(PhoneNumber.parseOrNull(null)).isNull();
        assertThatThrownBy(() -> new PhoneNumber("+8613800000001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksTheMiddleFourDigits() {
        PhoneNumber phone = new PhoneNumber("13812345678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone.toString()).doesNotContain("1234");
    }
}
