// JGF section 2 SparseMatMult, threaded, as dev.racecheck.bench.workloads.SparseMatMult: y += A x, 200 times, for
// a random size x size matrix with 5 * size non-zeros in coordinate form sorted by row; goroutines own row ranges.
// Check: y equals 200 times A x computed once, to a relative 1e-9; ytotal is the sum of y.
package main

import (
	"fmt"
	"math"

	"racecheck.dev/bench/harness"
)

const iterations = 200

func main() {
	harness.Main("sparsematmult", 100_000, run)
}

func run(n, threads int) (bool, string) {
	random := harness.NewSplitMix64(10101010)
	nz := 5 * n
	x := make([]float64, n)
	for i := range x {
		x[i] = random.Float64()
	}
	rawRow := make([]int32, nz)
	rawCol := make([]int32, nz)
	rawVal := make([]float64, nz)
	rowStart := make([]int32, n+1)
	for k := 0; k < nz; k++ {
		rawRow[k] = int32(random.Intn(n))
		rawCol[k] = int32(random.Intn(n))
		rawVal[k] = random.Float64()
		rowStart[rawRow[k]+1]++
	}
	for i := 0; i < n; i++ {
		rowStart[i+1] += rowStart[i]
	}
	row := make([]int32, nz)
	col := make([]int32, nz)
	val := make([]float64, nz)
	next := append([]int32(nil), rowStart...)
	for k := 0; k < nz; k++ {
		at := next[rawRow[k]]
		next[rawRow[k]]++
		row[at] = rawRow[k]
		col[at] = rawCol[k]
		val[at] = rawVal[k]
	}

	y := make([]float64, n)
	harness.Parallel(threads, func(part int) {
		from := int(rowStart[harness.From(part, threads, n)])
		to := int(rowStart[harness.From(part+1, threads, n)])
		for iteration := 0; iteration < iterations; iteration++ {
			for k := from; k < to; k++ {
				y[row[k]] += val[k] * x[col[k]]
			}
		}
	})

	once := make([]float64, n)
	for k := 0; k < nz; k++ {
		once[row[k]] += val[k] * x[col[k]]
	}
	total := 0.0
	for i := 0; i < n; i++ {
		if math.Abs(y[i]-iterations*once[i]) > 1e-9*math.Max(1, math.Abs(y[i])) {
			return false, fmt.Sprintf("y[%d] = %v, expected %v", i, y[i], iterations*once[i])
		}
		total += y[i]
	}
	return true, fmt.Sprintf("%d non-zeros ytotal=%v", nz, total)
}
