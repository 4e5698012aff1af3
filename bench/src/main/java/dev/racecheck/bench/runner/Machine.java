package dev.racecheck.bench.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where and on what a benchmark ran: for the header of a results file. */
public final class Machine {
    private Machine() {
    }

    public static String date() {
        return LocalDate.now().toString();
    }

    public static String timestamp() {
        return ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    }

    public static String host() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /** A host name safe in a file name. */
    public static String hostForFileName() {
        return host().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    public static int nproc() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static long memoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The 1-minute load average (/proc/loadavg), or "n/a": how busy the machine was while it measured. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The first line of {@code java -version}, e.g. {@code openjdk version "17.0.15" 2025-04-15}, plus the VM line. */
    public static String javaVersion(Path java) {
        String out = command(List.of(java.toString(), "-version"), null);
        if (out == null) return "unknown (" + java + ")";
        String[] lines = out.split("\n");
        String vm = lines.length > 2 ? lines[2].trim() : "";
        return lines[0].trim() + (vm.isEmpty() ? "" : "; " + vm);
    }

    /**
     * The commit of the checkout the agent was built from, the last commit that changed agent/, and a note when the
     * agent's sources have uncommitted changes.
     */
    public static String agentCommit(Path root) {
        String head = command(List.of("git", "-C", root.toString(), "log", "-1", "--format=%h"), null);
        if (head == null || head.isBlank()) return "unknown (no git checkout at " + root + ")";
        String agent = command(List.of("git", "-C", root.toString(), "log", "-1", "--format=%h (%s)", "--", "agent"), null);
        String dirty = command(List.of("git", "-C", root.toString(), "status", "--porcelain", "--", "agent"), null);
        return head.trim() + ", agent/ last changed in " + (agent == null ? "?" : agent.trim())
                + (dirty != null && !dirty.isBlank() ? ", with uncommitted changes in agent/" : "");
    }

    private static String command(List<String> command, Path dir) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) pb.directory(dir.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
