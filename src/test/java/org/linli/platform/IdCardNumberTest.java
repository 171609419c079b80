package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples from ../shared/docs/domain/id-formats.md, plus a seeded randomized round trip. */
class IdCardNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest
    @ValueSource(strings = {"530111198001010011", "530111194512310026", "530111201506071236", "53011119580315104X",
            "11010519491231002X"})
    void acceptsValidNumbers(String value) {
        assertThat(IdCardNumber.problem(value, TODAY)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "530111198001010010, ID_NUMBER_CHECKSUM",
            "530111198002300010, ID_NUMBER_DATE",
            "53011119800101001, ID_NUMBER_LENGTH",
            "050111198001010017, ID_NUMBER_FORMAT",
            "990111198001010013, ID_NUMBER_PROVINCE",
            "53011119800101001Y, ID_NUMBER_FORMAT",
            "530111203001010019, ID_NUMBER_DATE"})
    void refusesInvalidNumbersWithTheReason(String value, IdCardNumber.Problem expected) {
        assertThat(IdCardNumber.problem(value, TODAY)).isEqualTo(expected);
    }

    @Test
    void anXCheckCharacterMayBeTypedInLowerCase() {
        assertThat(IdCardNumber.problem(IdCardNumber.normalise(" 53011119580315104x "), TODAY)).isNull();
        assertThat(new IdCardNumber("53011119580315104X").masked()).isEqualTo("5301**********104X");
    }

    @Test
    void derivesBirthDateAgeAndSex() {
        IdCardNumber elder = new IdCardNumber("530111194512310026");
        assertThat(elder.birthDate()).isEqualTo(LocalDate.of(1945, 12, 31));
        assertThat(elder.ageOn(TODAY)).isEqualTo(80);
        assertThat(elder.male()).isFalse();
        assertThat(new IdCardNumber("530111201506071236").ageOn(TODAY)).isEqualTo(11);
        assertThat(new IdCardNumber("530111198001010011").male()).isTrue();
        assertThatThrownBy(() -> new IdCardNumber("530111198001010010")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyGeneratedNumberValidatesAndAnyOneDigitChangeIsCaught() {
        Random random = new Random(11643);
        for (int i = 0; i < 2_000; i++) {
            LocalDate birth = LocalDate.of(1920, 1, 1).plusDays(random.nextInt(36_000));
            String first17 = "530199" + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
            String valid = first17 + IdCardNumber.checkCharacter(first17);
            assertThat(IdCardNumber.problem(valid, TODAY)).as(valid).isNull();
            int position = 14 + random.nextInt(3);
            char changed = (char) ('0' + ((valid.charAt(position) - '0' + 1 + random.nextInt(9)) % 10));
            String typo = valid.substring(0, position) + changed + valid.substring(position + 1);
            assertThat(IdCardNumber.problem(typo, TODAY)).as(typo).isEqualTo(IdCardNumber.Problem.ID_NUMBER_CHECKSUM);
        }
    }
}
