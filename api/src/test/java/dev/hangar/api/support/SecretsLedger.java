package dev.hangar.api.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Every password the suite sent or was handed (user and database passwords), and every log line
 * written since the first one: the secrets scan at the end of the suite looks for the former in the
 * stores and in the latter.
 */
public final class SecretsLedger {

    private static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();
    private static final StringBuffer LOG = new StringBuffer();
    private static volatile boolean listening;

    private SecretsLedger() {
    }

    public static void record(Object password) {
        if (password instanceof String s && s.length() >= 6) {
            PASSWORDS.add(s);
            listen();
        }
    }

    public static Set<String> passwords() {
        return Set.copyOf(PASSWORDS);
    }

    public static String log() {
        return LOG.toString();
    }

    private static synchronized void listen() {
        if (listening || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (LOG.length() < 50_000_000) {
                    LOG.append(event.getFormattedMessage()).append('\n');
                    if (event.getThrowableProxy() != null) {
                        LOG.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
                    }
                }
            }
        };
        appender.setContext(context);
        appender.setName("hangar-secrets-ledger");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        listening = true;
    }
}
