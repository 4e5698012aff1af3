// Package harness is what every Go port shares with its Java twin (dev.racecheck.bench.workloads.Harness):
// arguments [size] [threads], timing, the self-check, and two lines for the runner,
// "bench: workload=... elapsed_ms=... check=ok ..." on stdout and "bench: vmhwm_kb=N" (peak RSS, from
// /proc/self/status) on stderr. A wrong result exits with 1. Standard library only.
package harness

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Body runs one workload at a size with a number of goroutines and checks its own result.
type Body func(size, threads int) (ok bool, detail string)

// Main parses [size] [threads], runs body, prints the result lines and exits: 0 if the check passed, 1 if not.
func Main(name string, defaultSize int, body Body) {
	size := defaultSize
	threads := 4
	if len(os.Args) > 1 {
		size = atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		threads = atoi(os.Args[2])
	}
	start := time.Now()
	ok, detail := body(size, threads)
	elapsed := time.Since(start).Milliseconds()
	check := "ok"
	if !ok {
		check = "WRONG"
	}
	fmt.Printf("bench: workload=%s size=%d threads=%d elapsed_ms=%d check=%s %s\n", name, size, threads, elapsed,
		check, detail)
	fmt.Fprintf(os.Stderr, "bench: vmhwm_kb=%d\n", PeakRSSKb())
	if !ok {
		os.Exit(1)
	}
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		fmt.Fprintf(os.Stderr, "not a size or thread count: %q\n", s)
		os.Exit(2)
	}
	return n
}

// PeakRSSKb is VmHWM of this process in kB, or -1 where /proc is not there.
func PeakRSSKb() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "VmHWM:") {
			fields := strings.Fields(line[len("VmHWM:"):])
			if len(fields) > 0 {
				if kb, err := strconv.ParseInt(fields[0], 10, 64); err == nil {
					return kb
				}
			}
		}
	}
	return -1
}

// From is the start of part `part` of n items split into `parts` near-equal blocks (as Harness.from in Java).
func From(part, parts, n int) int {
	return int(int64(n) * int64(part) / int64(parts))
}

// Parallel runs body(part) on one goroutine per part and waits for them all.
func Parallel(parts int, body func(part int)) {
	var done sync.WaitGroup
	done.Add(parts)
	for p := 0; p < parts; p++ {
		go func(part int) {
			defer done.Done()
			body(part)
		}(p)
	}
	done.Wait()
}

// Barrier is a cyclic barrier for a fixed number of goroutines (the standard library has none): a mutex, a
// condition variable and a generation count, as java.util.concurrent.CyclicBarrier.
type Barrier struct {
	mu         sync.Mutex
	cond       *sync.Cond
	parties    int
	waiting    int
	generation uint64
}

func NewBarrier(parties int) *Barrier {
	b := &Barrier{parties: parties}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// Await blocks until all parties have called it in this generation.
func (b *Barrier) Await() {
	b.mu.Lock()
	generation := b.generation
	b.waiting++
	if b.waiting == b.parties {
		b.waiting = 0
		b.generation++
		b.cond.Broadcast()
	} else {
		for generation == b.generation {
			b.cond.Wait()
		}
	}
	b.mu.Unlock()
}

// SplitMix64 is the generator of the Java workloads' input data (dev.racecheck.bench.workloads.SplitMix64), so
// both programs work on the same numbers.
type SplitMix64 struct {
	state uint64
}

func NewSplitMix64(seed uint64) *SplitMix64 {
	return &SplitMix64{state: seed}
}

func (r *SplitMix64) Next() uint64 {
	r.state += 0x9E3779B97F4A7C15
	z := r.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// Float64 is uniform in [0, 1), from the top 53 bits.
func (r *SplitMix64) Float64() float64 {
	return float64(r.Next()>>11) * (1.0 / (1 << 53))
}

// Intn is in [0, bound): the unsigned value modulo bound.
func (r *SplitMix64) Intn(bound int) int {
	return int(r.Next() % uint64(bound))
}
