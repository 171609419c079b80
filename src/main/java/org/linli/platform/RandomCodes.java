package org.linli.platform;

import java.security.SecureRandom;

/**
 * Unguessable codes people read, type or scan: door codes, counter codes, verification codes,
 * invitation links. Upper-case letters and digits without look-alikes (no 0/O, 1/I): 5 bits a character.
 */
public final class RandomCodes {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCodes() {
    }

    public static String of(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
