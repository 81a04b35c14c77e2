package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The secret key is checked against the stored data at start-up, and can be moved to a new one. */
class SecretKeyCheckTest {

    @Test
    void anotherKeyStopsStartUpAndTheOriginalAsPreviousKeyLetsANewOneIn() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "secret-key-");
        try (RunningHangar hangar = RunningHangar.start(dataDir, "hangar.secret-key=first-key")) {
            assertThat(hangar.client.get("/health").status()).isEqualTo(200);
        }

        assertThatThrownBy(() -> RunningHangar.start(dataDir, "hangar.secret-key=second-key"))
                .hasStackTraceContaining("HANGAR_SECRET_KEY is not the key this Hangar's data was encrypted with")
                .hasStackTraceContaining("HANGAR_SECRET_KEY_PREVIOUS");

        try (RunningHangar hangar = RunningHangar.start(dataDir, "hangar.secret-key=second-key",
                "hangar.secret-key-previous=first-key")) {
            assertThat(hangar.client.get("/health").status()).isEqualTo(200);
        }
        // the new key is the stored one now
        try (RunningHangar hangar = RunningHangar.start(dataDir, "hangar.secret-key=second-key")) {
            assertThat(hangar.client.get("/health").status()).isEqualTo(200);
        }
    }
}
