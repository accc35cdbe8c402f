package org.calconfleet.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The outcome of checking a port: valid with the port, or refused with at least one reason. */
public sealed interface PortCheck {

    record Valid(RpcPort port) implements PortCheck {

        @Override
        public List<PortRefusal> refusals() {
            return List.of();
        }
    }

    record Refused(List<PortRefusal> refusals) implements PortCheck {

        public Refused {
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refused port check needs at least one reason");
            }
            refusals = List.copyOf(refusals);
        }
    }

    static PortCheck of(RpcPort port, List<PortRefusal> refusals) {
        return refusals.isEmpty() ? new Valid(port) : new Refused(refusals);
    }

    List<PortRefusal> refusals();

    default boolean isValid() {
        return this instanceof Valid;
    }

    default Optional<RpcPort> validPort() {
        return this instanceof Valid(RpcPort port) ? Optional.of(port) : Optional.empty();
    }

    /** Checks a valid port further; a refused check stays as it is. */
    default PortCheck andThen(Function<RpcPort, List<PortRefusal>> furtherRefusals) {
        return this instanceof Valid(RpcPort port) ? of(port, furtherRefusals.apply(port)) : this;
    }
}
