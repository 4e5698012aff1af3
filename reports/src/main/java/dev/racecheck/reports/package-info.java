/** The race report as plain immutable data, shared by the agent (which builds it) and the tools that read it. */
package dev.racecheck.reports;
