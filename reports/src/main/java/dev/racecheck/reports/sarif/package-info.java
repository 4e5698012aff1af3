/** Renders a race report as SARIF 2.1.0, for GitHub code scanning and SARIF viewers. */
package dev.racecheck.reports.sarif;
