package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The examples of id-formats.md, and every single-character change of a valid code is caught. */
class CreditCodeTest {

    @Test
    void theDocumentedExamples() {
        assertThat(CreditCode.valid("91530111MA6K3P2Q62")).isTrue();
        assertThat(CreditCode.valid("515301115012345A1T")).isTrue();
        assertThat(CreditCode.valid("52530111MJ9Y8T7R59")).isTrue();
        assertThat(CreditCode.valid("91530111MA6K3P2Q63")).isFalse();
        assertThat(CreditCode.valid("91530111MAIK3P2Q62")).isFalse();
        assertThat(CreditCode.valid("9153011MA6K3P2Q62")).isFalse();
        assertThat(CreditCode.valid(null)).isFalse();
        assertThat(CreditCode.normalise(" 91530111ma6k3p2q62 ")).isEqualTo("91530111MA6K3P2Q62");
    }

    @Test
    void aChangedCharacterIsCaught() {
        Random random = new Random(32100L);
        String alphabet = CreditCode.ALPHABET;
        for (int n = 0; n < 500; n++) {
            StringBuilder code = new StringBuilder();
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            for (int i = 0; i < 6; i++) {
                code.append(random.nextInt(10));
            }
            for (int i = 0; i < 9; i++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String valid = code + String.valueOf(CreditCode.checkCharacter(code.toString()));
            assertThat(CreditCode.valid(valid)).as(valid).isTrue();
            int at = 8 + random.nextInt(9);
            char other = alphabet.charAt((alphabet.indexOf(valid.charAt(at)) + 1 + random.nextInt(30)) % 31);
            String changed = valid.substring(0, at) + other + valid.substring(at + 1);
            assertThat(CreditCode.valid(changed)).as(changed).isFalse();
        }
    }
}
