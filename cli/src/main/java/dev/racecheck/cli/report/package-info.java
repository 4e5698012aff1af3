/** Report files for the CLI: the formats, reading JSON reports, writing rendered ones, finding sources. */
package dev.racecheck.cli.report;
