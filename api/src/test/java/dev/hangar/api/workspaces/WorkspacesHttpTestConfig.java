package dev.hangar.api.workspaces;

import dev.hangar.api.support.HangarHttpTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared test application, with what the Workspaces tests need on top: loopback allowed (the
 * test databases and sockets are on 127.0.0.1), a check every 2 s and the default 5 s probe bound. Every
 * Workspaces HTTP test uses this one, so they share one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HangarHttpTest
@TestPropertySource(properties = {
    "hangar.workspaces.allow=127.0.0.1/32",
    "hangar.workspaces.check-interval=2s",
    "hangar.workspaces.probe-timeout=5s"
})
@interface WorkspacesHttpTestConfig {
}
