package dev.hangar.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A 256-bit key from configuration, or generated once and kept (mode 600) in the data directory. */
public final class DataDirectorySecrets {

    private static final Logger log = LoggerFactory.getLogger(DataDirectorySecrets.class);

    private DataDirectorySecrets() {
    }

    public static byte[] key(Path dataDir, String fileName, String configured, String variable) throws IOException {
        return sha256(secret(dataDir, fileName, configured, variable));
    }

    public static String secret(Path dataDir, String fileName, String configured, String variable) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve(fileName);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getEncoder().encodeToString(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, generated);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        log.warn("{} is not set: generated one in {}. Set it for production and share it between nodes.", variable,
                file.toAbsolutePath());
        return generated;
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
