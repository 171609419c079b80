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

    /** Encrypts a file's bytes with the current key (the key id travels in a short header). */
    byte[] sealBytes(byte[] plaintext);

    /** Decrypts what {@link #sealBytes} produced, with whichever configured key sealed it. */
    byte[] openBytes(byte[] sealed);

    /** A keyed hash of bytes, for content addressing that does not reveal the content's plain hash. */
    String lookupHash(byte[] content);
}
