package dev.hangar.kernel.workspace;

/**
 * How a connected instance is reached, as events and the read model keep it: the password and
 * the SSL key only as SecretBox ciphertext. {@code revision} moves on with every change of
 * address or credentials, so a probe of an earlier revision is not recorded.
 */
public record InstanceConnection(InstanceType type, String host, int port, String username, String passwordCiphertext,
                                 boolean ssl, SslMode sslMode, String sslCert, String sslKeyCiphertext,
                                 String sslRootCert, long revision) {
}
