package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.platform.internal.crypto.AesGcmSensitiveData;

class SensitiveDataTest {

    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private static final byte[] HASH = key(3);

    @Test
    void sealsAuthenticatedAndOpensAgain() {
        SensitiveData data = new AesGcmSensitiveData(Map.of("k1", K1), "k1", HASH);
        String sealed = data.seal("530199198001010016");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("530199198001010016");
        assertThat(data.seal("530199198001010016")).as("a fresh nonce every time").isNotEqualTo(sealed);
        assertThat(data.open(sealed)).isEqualTo("530199198001010016");
        assertThat(data.seal(null)).isNull();

        char[] chars = sealed.toCharArray();
        int middle = "v1:k1:".length() + 20;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> data.open(new String(chars))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> data.open(sealed.replace("v1:k1:", "v1:k2:"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
        SensitiveData before = new AesGcmSensitiveData(Map.of("k1", K1), "k1", HASH);
        String old = before.seal("张三");
        SensitiveData after = new AesGcmSensitiveData(Map.of("k1", K1, "k2", K2), "k2", HASH);
        assertThat(after.open(old)).isEqualTo("张三");
        String fresh = after.seal("李四");
        assertThat(fresh).startsWith("v1:k2:");
        assertThat(after.open(fresh)).isEqualTo("李四");
        assertThatThrownBy(() -> before.open(fresh)).as("the old configuration does not know k2")
                .isInstanceOf(IllegalStateException.class);
        assertThat(after.lookupHash("530199198001010016")).isEqualTo(before.lookupHash("530199198001010016"));
    }

    @Test
    void lookupHashesAreKeyedAndStable() {
        SensitiveData one = new AesGcmSensitiveData(Map.of("k1", K1), "k1", HASH);
        SensitiveData other = new AesGcmSensitiveData(Map.of("k1", K1), "k1", key(9));
        assertThat(one.lookupHash("x")).isEqualTo(one.lookupHash("x")).hasSize(64).isNotEqualTo(other.lookupHash("x"));
        assertThatThrownBy(() -> new AesGcmSensitiveData(Map.of("k1", K1), "k2", HASH))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new java.util.Random(seed).nextBytes(key);
        return key;
    }
}
