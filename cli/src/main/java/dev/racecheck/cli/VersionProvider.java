package dev.racecheck.cli;

import picocli.CommandLine.IVersionProvider;

/** The racecheck version, from the CLI jar's manifest ({@code Implementation-Version}). */
public final class VersionProvider implements IVersionProvider {

    /** The version, or {@code "unknown"} when not running from the built jar (e.g. from target/classes). */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "unknown" : version;
    }

    /** What {@code racecheck version} and {@code --version} print. */
    public static String versionLine() {
        return "racecheck " + version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {versionLine()};
    }
}
