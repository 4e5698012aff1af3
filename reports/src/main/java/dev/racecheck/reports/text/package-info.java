/** Renders races as the Go-style text blocks racecheck prints to stderr. */
package dev.racecheck.reports.text;
