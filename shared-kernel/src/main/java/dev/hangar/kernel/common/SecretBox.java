package dev.hangar.kernel.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Hangar must be able to use again (a database's password, to re-create its
 * container or rotate it) with AES-256-GCM. Events and read models only ever hold the ciphertext.
 * New secrets are encrypted with the current key; the previous keys (while an operator moves to a
 * new key) still decrypt what was encrypted with them.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> previous;

    public SecretBox(byte[] key256) {
        this(key256, List.of());
    }

    public SecretBox(byte[] key256, List<byte[]> previousKeys) {
        this.key = spec(key256);
        this.previous = previousKeys.stream().map(SecretBox::spec).toList();
    }

    private static SecretKeySpec spec(byte[] key256) {
        if (key256.length != 32) {
            throw new IllegalArgumentException("SecretBox needs a 256-bit key");
        }
        return new SecretKeySpec(key256.clone(), "AES");
    }

    /** Names the current key without revealing it: stored with the data, checked at start-up. */
    public String fingerprint() {
        return fingerprint(key);
    }

    /** The fingerprints of the previous keys, which still decrypt. */
    public List<String> previousFingerprints() {
        return previous.stream().map(SecretBox::fingerprint).toList();
    }

    private static String fingerprint(SecretKeySpec k) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k.getEncoded(), "HmacSHA256"));
            byte[] tag = mac.doFinal("hangar secret-key fingerprint v1".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a SecretBox ciphertext");
        }
        byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        GeneralSecurityException last = null;
        for (SecretKeySpec k : keys()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, IV_BYTES));
                return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalStateException("cannot decrypt: wrong key or tampered ciphertext", last);
    }

    private List<SecretKeySpec> keys() {
        if (previous.isEmpty()) {
            return List.of(key);
        }
        List<SecretKeySpec> all = new ArrayList<>(previous.size() + 1);
        all.add(key);
        all.addAll(previous);
        return all;
    }
}
