package org.calconfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One agent process for the whole test run, shared by every class that asks for an {@link AgentProcess} parameter
 * (e.g. in its {@code @BeforeAll}): started on first use, stopped when the run ends. Each test arranges a fresh
 * host through the admin channel, so sharing keeps them apart while the suite pays for one JVM start, not one per
 * class.
 */
public final class SharedAgent implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedAgent.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == AgentProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("agent", key -> new Running(start()), Running.class).agent();
    }

    private static AgentProcess start() {
        try {
            return AgentProcess.start(Files.createTempDirectory("calcon-agent-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the agent and removes its home when the run's root context closes. */
    private record Running(AgentProcess agent) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            agent.close();
            Path home = agent.home();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
