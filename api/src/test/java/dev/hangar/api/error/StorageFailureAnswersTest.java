package dev.hangar.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.api.surface.SurfaceDefinition;
import dev.hangar.api.surface.Surfaces;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Conflicts are told by Axon's exception types; the text of a message decides nothing. */
class StorageFailureAnswersTest {

    final GlobalExceptionHandler handler = new GlobalExceptionHandler(new ErrorResponder(new ObjectMapper(),
            new Surfaces(List.of(new SurfaceDefinition("all", "all", List.of("/**"), List.of(), List.of(),
                    List.of("/**"), e -> Map.of("error", e.message()))))));
    final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/register");

    @Test
    void aStorageFailureIsA500EvenWhenItsMessageLooksLikeAConflict() {
        var e = new EventStoreException("Cannot reuse aggregate identifier [email:x] to create aggregate",
                new SQLException("Value too long for column", "22001"));
        assertThat(handler.storeFailure(e, request).getStatusCode().value()).isEqualTo(500);
        assertThat(handler.wrapped(new CommandExecutionException("boom", e), request).getStatusCode().value())
                .isEqualTo(500);
    }

    @Test
    void realConflictsAre409ByType() {
        assertThat(handler.concurrent(new AggregateStreamCreationException("x", new SQLException("dup", "23505")),
                request).getStatusCode().value()).isEqualTo(409);
        assertThat(handler.concurrent(new ConcurrencyException("x"), request).getStatusCode().value()).isEqualTo(409);
        assertThat(handler.wrapped(new CommandExecutionException("x", new ConcurrencyException("x")), request)
                .getStatusCode().value()).isEqualTo(409);
    }
}
