package dev.hangar.api.config;

import dev.hangar.kernel.common.SecretBox;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores the secret key's fingerprint with the data the first time, and compares it at every
 * start. Another key would make every stored password undecryptable; Hangar refuses to start then,
 * with what to do, rather than failing one workload at a time. A key that was moved to
 * HANGAR_SECRET_KEY_PREVIOUS is accepted, and the new key's fingerprint is stored.
 */
public class SecretKeyCheck {

    static final String SETTING = "secret-key-fingerprint";
    private static final Logger log = LoggerFactory.getLogger(SecretKeyCheck.class);

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    public SecretKeyCheck(DataSource dataSource, SecretBox secrets) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.secrets = secrets;
    }

    public void verify() {
        String current = secrets.fingerprint();
        var stored = jdbc.queryForList("SELECT setting_value FROM hangar_setting WHERE setting_name = ?", String.class, SETTING);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO hangar_setting (setting_name, setting_value) VALUES (?, ?)", SETTING, current);
            return;
        }
        String fingerprint = stored.get(0);
        if (fingerprint.equals(current)) {
            return;
        }
        if (secrets.previousFingerprints().contains(fingerprint)) {
            log.info("HANGAR_SECRET_KEY changed; secrets stored under the previous key stay readable through "
                    + "HANGAR_SECRET_KEY_PREVIOUS. Rotate each database's password to re-encrypt it with the new key.");
            jdbc.update("UPDATE hangar_setting SET setting_value = ? WHERE setting_name = ?", current, SETTING);
            return;
        }
        throw new IllegalStateException("HANGAR_SECRET_KEY is not the key this Hangar's data was encrypted with "
                + "(stored fingerprint " + fingerprint + ", this key's " + current + "). Start with the original key; "
                + "to move to a new key, set HANGAR_SECRET_KEY to the new one and HANGAR_SECRET_KEY_PREVIOUS to the "
                + "original (see README, 'Changing the secret key').");
    }
}
