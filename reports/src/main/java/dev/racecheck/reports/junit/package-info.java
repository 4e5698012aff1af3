/** Renders a race report as a JUnit XML test report (Surefire's shape), one failing test case per race. */
package dev.racecheck.reports.junit;
