module racecheck.dev/bench

go 1.19
