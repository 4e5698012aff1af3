// The classic shared counter, as dev.racecheck.bench.workloads.Counter: size increments in all, split evenly among
// the goroutines, each under one sync.Mutex. Check: the count equals size.
package main

import (
	"fmt"
	"sync"

	"racecheck.dev/bench/harness"
)

func main() {
	harness.Main("counter", 10_000_000, run)
}

type counter struct {
	mu    sync.Mutex
	count int64
}

func (c *counter) increment() {
	c.mu.Lock()
	c.count++
	c.mu.Unlock()
}

func run(n, threads int) (bool, string) {
	c := &counter{}
	harness.Parallel(threads, func(part int) {
		increments := harness.From(part+1, threads, n) - harness.From(part, threads, n)
		for i := 0; i < increments; i++ {
			c.increment()
		}
	})
	c.mu.Lock()
	count := c.count
	c.mu.Unlock()
	return count == int64(n), fmt.Sprintf("count=%d", count)
}
