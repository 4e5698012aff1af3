package dev.racecheck.subjects;

import java.util.ArrayList;
import java.util.List;

/** Static initializers: tables, the holder idiom, an interface's initializer, and one that throws. */
public class StaticInit {
    static final int[] SQUARES;
    static final List<String> NAMES = new ArrayList<>();
    static int counter;
    static long total;
    static final String CONSTANT = "constant";

    static {
        SQUARES = new int[10];
        for (int i = 0; i < SQUARES.length; i++) SQUARES[i] = i * i;
        for (String n : new String[] {"b", "a", "c"}) NAMES.add(n);
        counter = NAMES.size();
        total = (long) counter << 33;
    }

    static final class Holder {
        static final StaticInit INSTANCE = new StaticInit();
        static int created;

        static {
            created++;
        }
    }

    interface WithInitializer {
        List<String> VALUES = List.of(String.valueOf(counter), CONSTANT); // an interface <clinit>
    }

    static final class Broken {
        static int value = compute();

        static int compute() {
            if (counter > 0) throw new IllegalStateException("broken initializer");
            return 1;
        }
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        out.append(SQUARES[9]).append(' ').append(NAMES).append(' ').append(counter).append(' ').append(total).append(' ')
                .append(Holder.INSTANCE != null).append(Holder.created).append(' ').append(WithInitializer.VALUES);
        for (int i = 0; i < 2; i++) {
            try {
                out.append(Broken.value);
            } catch (ExceptionInInitializerError e) {
                out.append(" EIIE:").append(e.getCause().getMessage());
            } catch (NoClassDefFoundError e) {
                out.append(" NCDFE");
            }
        }
        return out.toString();
    }
}
