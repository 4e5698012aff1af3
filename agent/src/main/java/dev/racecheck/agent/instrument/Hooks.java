package dev.racecheck.agent.instrument;

/** Names and descriptors of the {@code RaceEvents} methods instrumented code calls. */
final class Hooks {
    static final String OWNER = "dev/racecheck/agent/runtime/RaceEvents";
    static final String THREAD_STATE = "dev/racecheck/agent/runtime/threads/ThreadState";
    static final String TS = "L" + THREAD_STATE + ";";

    static final String THREAD_DESC = "()" + TS;
    static final String ENTER_DESC = "(" + TS + ")I";
    static final String EXIT_DESC = "(" + TS + "I)V";
    static final String CALL_DESC = "(" + TS + "II)V";
    static final String ACCESS_DESC = "(Ljava/lang/Object;II" + TS + "I)V";
    static final String STATIC_ACCESS_DESC = "(Ljava/lang/Class;II" + TS + "I)V";
    static final String ARRAY_DESC = "(Ljava/lang/Object;II" + TS + "I)V";
    static final String SYNC_DESC = "(Ljava/lang/Object;" + TS + ")V";
    /** monitorEnter and, in predictive mode, monitorExitAt, with where: (lock, ts, site, base). */
    static final String MONITOR_ENTER_DESC = "(Ljava/lang/Object;" + TS + "II)V";
    static final String FIELD_SYNC_DESC = "(Ljava/lang/Object;I" + TS + ")V";
    static final String STATIC_SYNC_DESC = "(Ljava/lang/Class;II" + TS + ")V";
    static final String CONTAINER_DESC = "(Ljava/lang/Object;II" + TS + "I)V";
    static final String CLASS_INIT_DESC = "(Ljava/lang/Class;" + TS + ")V";

    private Hooks() {
        // no instances
    }
}
