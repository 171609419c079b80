package org.linli.platform;

/**
 * Encryption for sensitive personal fields (ID numbers, names, addresses, and later disability and
 * health details): authenticated encryption (AES-256-GCM) with keys from configuration, rotatable —
 * every sealed value names its key, so old rows stay readable after a new key becomes current.
 */
public interface SensitiveData {

    /** Encrypts with the current key; null stays null. */
    String seal(String plaintext);

    /** Decrypts with whichever configured key sealed it; null stays null. */
    String open(String sealed);

    /** A keyed hash (HMAC-SHA256) for exact look-ups without decrypting; null stays null. */
    String lookupHash(String plaintext);
}
