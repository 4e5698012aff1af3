package dev.racecheck.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Array;

import org.junit.jupiter.api.Test;

/** Which java.lang.reflect.Array calls touch an element: exactly those the JDK accepts, checked against the JDK. */
class ReflectedTypesTest {
    private static final Object[] ARRAYS = {new boolean[1], new byte[1], new char[1], new short[1], new int[1],
        new long[1], new float[1], new double[1], new String[1], new Object[1], new Number[1]};
    private static final Object[] VALUES = {true, (byte) 1, 'c', (short) 1, 1, 1L, 1f, 1d, "s", new Object(), null};

    @Test
    void primitive_getters_and_setters_should_convert_as_the_jdk_does() {
        for (Object array : ARRAYS) {
            Class<?> component = array.getClass().getComponentType();
            for (char type : "ZBCSIJFD".toCharArray()) {
                assertEquals(jdkAcceptsGet(array, type), ReflectedTypes.converts(component, type, null, false),
                        () -> "get" + type + " of " + component);
                assertEquals(jdkAcceptsSet(array, type), ReflectedTypes.converts(component, type, null, true),
                        () -> "set" + type + " of " + component);
            }
        }
    }

    @Test
    void set_of_an_object_should_convert_as_the_jdk_does() {
        for (Object array : ARRAYS) {
            Class<?> component = array.getClass().getComponentType();
            for (Object v : VALUES) {
                boolean accepted;
                try {
                    Array.set(array, 0, v);
                    accepted = true;
                } catch (IllegalArgumentException e) {
                    accepted = false;
                }
                assertEquals(accepted, ReflectedTypes.converts(component, 'L', v, true), () -> "set " + v + " into "
                        + component);
            }
            assertEquals(true, ReflectedTypes.converts(component, 'L', null, false), "get of anything");
        }
    }

    private static boolean jdkAcceptsGet(Object array, char type) {
        try {
            switch (type) {
                case 'Z' -> Array.getBoolean(array, 0);
                case 'B' -> Array.getByte(array, 0);
                case 'C' -> Array.getChar(array, 0);
                case 'S' -> Array.getShort(array, 0);
                case 'I' -> Array.getInt(array, 0);
                case 'J' -> Array.getLong(array, 0);
                case 'F' -> Array.getFloat(array, 0);
                default -> Array.getDouble(array, 0);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean jdkAcceptsSet(Object array, char type) {
        try {
            switch (type) {
                case 'Z' -> Array.setBoolean(array, 0, true);
                case 'B' -> Array.setByte(array, 0, (byte) 1);
                case 'C' -> Array.setChar(array, 0, 'c');
                case 'S' -> Array.setShort(array, 0, (short) 1);
                case 'I' -> Array.setInt(array, 0, 1);
                case 'J' -> Array.setLong(array, 0, 1L);
                case 'F' -> Array.setFloat(array, 0, 1f);
                default -> Array.setDouble(array, 0, 1d);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
