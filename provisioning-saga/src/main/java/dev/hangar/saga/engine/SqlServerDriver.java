package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQL Server per the official {@code mcr.microsoft.com/mssql/server} image: ACCEPT_EULA=Y,
 * MSSQL_SA_PASSWORD, MSSQL_PID=Developer. The login is always {@value #USERNAME}; the image refuses
 * to start when the password does not meet SQL Server's policy (at least 8 characters from three of:
 * upper case, lower case, digits, symbols).
 *
 * <p>{@link #acceptsLogin} is only a TCP connect (no SQL Server driver is bundled): weaker than a
 * login, and through docker-proxy a published port accepts TCP before the server listens.
 */
public final class SqlServerDriver implements EngineDriver {

    public static final String USERNAME = "sa";

    @Override
    public Engine kind() {
        return Engine.SQLSERVER;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCEPT_EULA", "Y");
        env.put("MSSQL_SA_PASSWORD", c.password());
        env.put("MSSQL_PID", "Developer");
        return env;
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        return TcpProbe.connects(host, port, 2000);
    }

    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        throw new UnsupportedOperationException(
                "SQL Server password changes are not supported by Hangar yet (no SQL Server driver is bundled)");
    }
}
