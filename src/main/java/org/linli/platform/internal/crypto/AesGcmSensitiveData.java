package org.linli.platform.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linli.platform.SensitiveData;

/**
 * AES-256-GCM with a random 96-bit nonce per value. Sealed form: {@code v1:<keyId>:<base64(nonce|ciphertext|tag)>}.
 * The key id is also authenticated (as associated data), so a value cannot be passed off under another key.
 */
public final class AesGcmSensitiveData implements SensitiveData {

    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String currentKey;
    private final SecretKey hashKey;

    public AesGcmSensitiveData(Map<String, byte[]> keys, String currentKey, byte[] hashKey) {
        if (!keys.containsKey(currentKey)) {
            throw new IllegalStateException("linli.crypto.current-key '" + currentKey + "' is not among the keys");
        }
        keys.forEach((id, key) -> {
            if (key.length != 32 || id.contains(":")) {
                throw new IllegalStateException("linli.crypto key '" + id + "' must be 32 bytes and its id without ':'");
            }
        });
        if (hashKey.length < 32) {
            throw new IllegalStateException("linli.crypto.hash-key must be at least 32 bytes");
        }
        this.keys = keys.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new SecretKeySpec(e.getValue(), "AES")));
        this.currentKey = currentKey;
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
    }

    @Override
    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return VERSION + ":" + currentKey + ":"
                + Base64.getEncoder().encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** nonce | ciphertext | tag under the current key, the key id authenticated as associated data. */
    private byte[] encrypt(byte[] plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(currentKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private byte[] decrypt(String keyId, byte[] in, int offset) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(keyId), new GCMParameterSpec(128, in, offset, 12));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, offset + 12, in.length - offset - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (tampered value or wrong key)", e);
        }
    }

    @Override
    public byte[] sealBytes(byte[] plaintext) {
        byte[] header = (VERSION + ":" + currentKey + ":").getBytes(StandardCharsets.UTF_8);
        byte[] body = encrypt(plaintext);
        return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
    }

    @Override
    public byte[] openBytes(byte[] sealed) {
        int first = indexOf(sealed, 0);
        int second = first < 0 ? -1 : indexOf(sealed, first + 1);
        String keyId = second < 0 ? "" : new String(sealed, first + 1, second - first - 1, StandardCharsets.UTF_8);
        if (second < 0 || !VERSION.equals(new String(sealed, 0, first, StandardCharsets.UTF_8))
                || !keys.containsKey(keyId)) {
            throw new IllegalStateException("Sealed with an unknown key or format");
        }
        return decrypt(keyId, sealed, second + 1);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < Math.min(bytes.length, from + 64); i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String lookupHash(byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !keys.containsKey(parts[1])) {
            throw new IllegalStateException("Sealed with an unknown key or format: " + (parts.length > 1 ? parts[1] : "?"));
        }
        byte[] plain = decrypt(parts[1], Base64.getDecoder().decode(parts[2]), 0);
        return new String(plain, StandardCharsets.UTF_8);
    }

    @Override
    public String lookupHash(String plaintext) {
        return plaintext == null ? null : lookupHash(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.trim());
    }
}
