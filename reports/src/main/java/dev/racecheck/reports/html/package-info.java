/** Renders a race report as one self-contained HTML page, both stacks of each race side by side. */
package dev.racecheck.reports.html;
