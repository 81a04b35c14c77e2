package dev.hangar.saga.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class against the real Docker engine: one {@link DockerContainerRuntime} (the code under
 * test) and one {@link DockerTestSupport} (checks behind its back, clean-up) for the whole class.
 * Fails, never skips, when the engine does not answer.
 */
public abstract class RealDockerTest {

    protected static DockerContainerRuntime runtime;
    protected static DockerTestSupport support;

    @BeforeAll
    static void connect() {
        runtime = new DockerContainerRuntime(DockerTestSupport.DOCKER_HOST);
        support = new DockerTestSupport();
        DockerTestSupport.assertDockerReachable(runtime);
    }

    @AfterAll
    static void disconnect() throws Exception {
        runtime.close();
        support.close();
    }
}
