/** Writes and reads the versioned JSON form of a {@link dev.racecheck.reports.RaceReport}, without any library. */
package dev.racecheck.reports.json;
