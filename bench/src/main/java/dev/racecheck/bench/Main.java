package dev.racecheck.bench;

import java.util.Arrays;

import dev.racecheck.bench.micro.MicroRunner;
import dev.racecheck.bench.runner.MacroRunner;
import dev.racecheck.bench.scaling.ScalingRunner;

/** {@code java -jar racecheck-bench.jar [run|micro|scaling|help] [options]}: see bench/README.md. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
        String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
        int status;
        switch (command) {
            case "run":
                status = MacroRunner.main(rest);
                break;
            case "micro":
                status = MicroRunner.main(rest);
                break;
            case "scaling":
                status = ScalingRunner.main(rest);
                break;
            case "help":
            case "--help":
                System.out.println(USAGE);
                status = 0;
                break;
            default:
                System.err.println("racecheck-bench: unknown command '" + command + "'\n" + USAGE);
                status = 2;
        }
        System.exit(status);
    }

    public static final String USAGE = String.join("\n",
            "usage: java -jar bench/target/racecheck-bench.jar [run|micro|scaling] [options]",
            "",
            "  run       every macro workload without and with the agent (the Java Grande kernels at their JGF",
            "            sizes, on 2 and 4 threads), and the Go ports without and with -race beside them, interleaved;",
            "            medians; Markdown table written to bench/results/<date>-<host>.md (default command)",
            "  micro     JMH microbenchmarks of the agent's hot paths, plain fork and agent fork; ns per access",
            "  scaling   slowdown against platform threads, virtual threads and tracked objects; CSV, HTML, PNG",
            "",
            "options (all commands):",
            "  --runs N          runs per configuration, medians (run: 3, scaling: 3)",
            "  --only REGEX      only workloads / benchmarks whose name matches (e.g. 'sor|crypt', 'sor-C/2t'); a",
            "                    workload's Go port runs with it",
            "  --java PATH       java for the workloads (default: the java running this)",
            "  --java25 PATH     JDK 21+ java for the virtual-thread workload (default: ",
            "                    /usr/lib/jvm/temurin-25-jdk-amd64/bin/java when it exists)",
            "  --agent PATH      agent jar (default: agent/target/racecheck.jar of this checkout)",
            "  --agent-options O agent options for the agent runs of 'run' (e.g. explore_seed=1: an explored run)",
            "  --baseline-agent-options O  the baseline ('plain') runs of 'run' under the agent too, with options O",
            "                    ('' for none): two agent configurations side by side",
            "  --threads N[,M]   threads per workload (run: 2 and 4 for the JGF kernels and counter, 4 for the others)",
            "  --go PATH|none    go for the Go ports (default: go on the PATH; without one the Go columns say n/a)",
            "  --jvm-args ARGS   extra JVM options for every launched JVM, space-separated",
            "  --timeout S       seconds before a launched JVM is killed (default 900)",
            "  --results DIR     where result files go (default: bench/results of this checkout)",
            "  --quick           smoke run: small sizes, one run, short JMH iterations; no result files unless --results");
}
