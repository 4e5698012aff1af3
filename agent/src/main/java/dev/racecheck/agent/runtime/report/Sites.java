package dev.racecheck.agent.runtime.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The code locations instrumented code refers to by number: access sites and call sites. Registered at
 * instrumentation time, read only when a report is built, so the hot path carries a constant int.
 */
public final class Sites {
    /** Name prefix of the field the instrumenter adds next to each instance field for its race state. */
    public static final String COMPANION_PREFIX = "$racecheck$";

    private static String[] classNames = new String[4096];
    private static String[] methods = new String[4096];
    private static String[] files = new String[4096];
    private static int[] lines = new int[4096];
    private static String[] fieldOwners = new String[4096];
    private static String[] fieldNames = new String[4096];
    private static int size = 1; // 0 is no site

    private static final Map<String, Integer> FIELD_KEYS = new HashMap<>();
    private static String[] fieldKeyNames = new String[256];

    private Sites() {
        // no instances
    }

    /**
     * Registers one location.
     *
     * @param className  binary name with dots
     * @param method     method name
     * @param file       source file name or null
     * @param line       line number or -1
     * @param fieldOwner for field accesses, binary name of the class named in the instruction, else null
     * @param fieldName  for field accesses, the field name, else null
     * @return the site id, a positive int
     */
    public static synchronized int register(String className, String method, String file, int line,
                                            String fieldOwner, String fieldName) {
        if (size == lines.length) {
            int n = size * 2;
            classNames = Arrays.copyOf(classNames, n);
            methods = Arrays.copyOf(methods, n);
            files = Arrays.copyOf(files, n);
            lines = Arrays.copyOf(lines, n);
            fieldOwners = Arrays.copyOf(fieldOwners, n);
            fieldNames = Arrays.copyOf(fieldNames, n);
        }
        classNames[size] = className;
        methods[size] = method;
        files[size] = file;
        lines[size] = line;
        fieldOwners[size] = fieldOwner;
        fieldNames[size] = fieldName;
        return size++;
    }

    /** A dense number for a field's name and descriptor: the key of that field in every object's shadow. */
    public static synchronized int fieldKey(String name, String descriptor) {
        String k = name + ':' + descriptor;
        Integer key = FIELD_KEYS.get(k);
        if (key == null) {
            key = FIELD_KEYS.size();
            FIELD_KEYS.put(k, key);
            if (key == fieldKeyNames.length) fieldKeyNames = Arrays.copyOf(fieldKeyNames, key * 2);
            fieldKeyNames[key] = name;
        }
        return key;
    }

    private static final Map<String, Integer> SYNC_KEYS = new HashMap<>();

    /**
     * A number for a volatile field's name: the key of its synchronization clock in its object's shadow. Keyed by
     * name only, because field updaters and VarHandles know the name but not always the descriptor.
     */
    public static synchronized int syncKey(String fieldName) {
        Integer key = SYNC_KEYS.get(fieldName);
        if (key == null) {
            key = SYNC_KEYS.size();
            SYNC_KEYS.put(fieldName, key);
        }
        return key;
    }

    private static final java.util.Set<String> INITIALIZERS = new java.util.HashSet<>();

    /** The instrumenter saw a static initializer in this class (binary name with dots). */
    public static synchronized void registerInitializer(String className) {
        INITIALIZERS.add(className);
    }

    public static synchronized boolean hasInitializer(String className) {
        return INITIALIZERS.contains(className);
    }

    public static synchronized String className(int site) { return classNames[site]; }

    public static synchronized String method(int site) { return methods[site]; }

    public static synchronized String file(int site) { return files[site]; }

    public static synchronized int line(int site) { return lines[site]; }

    public static synchronized String fieldOwner(int site) { return fieldOwners[site]; }

    public static synchronized String fieldName(int site) { return fieldNames[site]; }

    public static synchronized int count() { return size - 1; }
}
