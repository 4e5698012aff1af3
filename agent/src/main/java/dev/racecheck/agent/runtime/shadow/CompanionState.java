package dev.racecheck.agent.runtime.shadow;

/**
 * The state of a field kept in its object's companion field ({@link InlineShadows}). It knows its object, because
 * {@code Object.clone()} copies the companion: a state found in an object that is not its owner is not that
 * object's. Array elements and map-held fields use plain {@link VarState}s, one reference smaller.
 */
public final class CompanionState extends VarState {
    public final Object owner;

    CompanionState(int key, Object owner) {
        super(key);
        this.owner = owner;
    }
}
