package dev.racecheck.agent.runtime.shadow;

/** Shadows and variable states made directly, outside the shadow map, for tests of the packages above. */
public final class TestShadows {
    private TestShadows() {
    }

    /** The shadow of an object that is not a class. */
    public static Shadow newShadow() {
        return new Shadow(-1);
    }

    public static VarState newVarState(int key) {
        return new VarState(key);
    }

    public static CompanionState newCompanionState(int key, Object owner) {
        return new CompanionState(key, owner);
    }
}
