// JGF section 2 SOR, threaded, as dev.racecheck.bench.workloads.Sor: 100 red-black iterations (omega 1.25) on a
// random size x size grid (boundary included), bands of rows per goroutine, a barrier after each half-sweep.
// Check: a corner block recomputed sequentially matches exactly; gtotal is the sum of the interior.
package main

import (
	"fmt"

	"racecheck.dev/bench/harness"
)

const (
	iterations = 100
	omega      = 1.25
	checked    = 16
)

func main() {
	harness.Main("sor", 2000, run)
}

func run(n, threads int) (bool, string) {
	random := harness.NewSplitMix64(10101010)
	g := make([][]float64, n)
	for i := range g {
		g[i] = make([]float64, n)
		for j := range g[i] {
			g[i][j] = random.Float64() * 1e-6
		}
	}
	block := n
	if checked+2*iterations+2 < n {
		block = checked + 2*iterations + 2
	}
	corner := make([][]float64, block)
	for i := range corner {
		corner[i] = append([]float64(nil), g[i][:block]...)
	}

	barrier := harness.NewBarrier(threads)
	interior := n - 2
	harness.Parallel(threads, func(part int) {
		lo := 1 + harness.From(part, threads, interior)
		hi := 1 + harness.From(part+1, threads, interior)
		for iteration := 0; iteration < iterations; iteration++ {
			for color := 0; color < 2; color++ {
				relax(g, lo, hi, color)
				barrier.Await()
			}
		}
	})

	for iteration := 0; iteration < iterations; iteration++ {
		for color := 0; color < 2; color++ {
			relax(corner, 1, block-1, color)
		}
	}
	exact := block - 1 - 2*iterations
	if block == n {
		exact = n
	}
	for i := 0; i < exact; i++ {
		for j := 0; j < exact; j++ {
			if g[i][j] != corner[i][j] {
				return false, fmt.Sprintf("cell (%d, %d) = %v, sequentially %v", i, j, g[i][j], corner[i][j])
			}
		}
	}
	total := 0.0
	for i := 1; i < n-1; i++ {
		for j := 1; j < n-1; j++ {
			total += g[i][j]
		}
	}
	return true, fmt.Sprintf("iterations=%d corner %dx%d exact gtotal=%v", iterations, exact, exact, total)
}

// relax updates the interior cells (i, j) with i + j of parity color in rows [lo, hi) of g.
func relax(g [][]float64, lo, hi, color int) {
	keep := 1 - omega
	quarter := omega * 0.25
	last := len(g[0]) - 1
	for i := lo; i < hi; i++ {
		up := g[i-1]
		row := g[i]
		down := g[i+1]
		for j := 1 + ((i + 1 + color) & 1); j < last; j += 2 {
			row[j] = quarter*(up[j]+down[j]+row[j-1]+row[j+1]) + keep*row[j]
		}
	}
}
