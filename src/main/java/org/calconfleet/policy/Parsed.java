package org.calconfleet.policy;

import java.util.List;

/** The outcome of reading a setting typed by a person: the value, or at least one typed reason why not. */
public sealed interface Parsed<T> {

    record Valid<T>(T value) implements Parsed<T> {

        @Override
        public List<PolicyRefusal> refusals() {
            return List.of();
        }
    }

    record Refused<T>(List<PolicyRefusal> refusals) implements Parsed<T> {

        public Refused {
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refused value needs at least one reason");
            }
            refusals = List.copyOf(refusals);
        }
    }

    static <T> Parsed<T> of(T value, List<PolicyRefusal> refusals) {
        return refusals.isEmpty() ? new Valid<>(value) : new Refused<>(refusals);
    }

    List<PolicyRefusal> refusals();

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The value, or a {@link PolicyRefusedException} with the reasons. */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new PolicyRefusedException(refusals());
    }
}
