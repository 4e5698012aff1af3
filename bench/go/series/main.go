// JGF section 2 Series, threaded, as dev.racecheck.bench.workloads.Series: the first size Fourier coefficient pairs
// of f(x) = (x+1)^x on [0, 2], each by the trapezoid rule over 1000 intervals; goroutines take contiguous blocks.
// Check: a0 against Simpson's rule, and a sample of coefficients recomputed sequentially.
package main

import (
	"fmt"
	"math"

	"racecheck.dev/bench/harness"
)

const intervals = 1000

func main() {
	harness.Main("series", 10_000, run)
}

func run(n, threads int) (bool, string) {
	a := make([]float64, n)
	b := make([]float64, n)
	harness.Parallel(threads, func(part int) {
		to := harness.From(part+1, threads, n)
		for i := harness.From(part, threads, n); i < to; i++ {
			if i == 0 {
				a[0] = integrate(0, 0) / 2
			} else {
				a[i] = integrate(math.Pi*float64(i), 1)
				b[i] = integrate(math.Pi*float64(i), 2)
			}
		}
	})
	a0 := simpson(200_000) / 2
	if math.Abs(a[0]-a0) > 1e-4 {
		return false, fmt.Sprintf("a0=%v, Simpson gives %v", a[0], a0)
	}
	for k := 1; k < 16 && k < n; k++ {
		i := int(int64(n) * int64(k) / 16)
		if !close(a[i], integrate(math.Pi*float64(i), 1)) || !close(b[i], integrate(math.Pi*float64(i), 2)) {
			return false, fmt.Sprintf("coefficient %d differs from its sequential value", i)
		}
	}
	a1, b1 := 0.0, 0.0
	if n > 1 {
		a1, b1 = a[1], b[1]
	}
	return true, fmt.Sprintf("a0=%v a1=%v b1=%v", a[0], a1, b1)
}

func close(x, y float64) bool {
	return math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(y))
}

// integrate is the trapezoid rule on [0, 2] of f(x), f(x) cos(wx) or f(x) sin(wx) (selector 0, 1, 2).
func integrate(omega float64, selector int) float64 {
	h := 2.0 / intervals
	sum := (f(0, omega, selector) + f(2, omega, selector)) / 2
	for k := 1; k < intervals; k++ {
		sum += f(float64(k)*h, omega, selector)
	}
	return sum * h
}

func f(x, omega float64, selector int) float64 {
	base := math.Pow(x+1, x)
	switch selector {
	case 1:
		return base * math.Cos(omega*x)
	case 2:
		return base * math.Sin(omega*x)
	default:
		return base
	}
}

func simpson(intervals int) float64 {
	h := 2.0 / float64(intervals)
	sum := f(0, 0, 0) + f(2, 0, 0)
	for k := 1; k < intervals; k++ {
		weight := 2.0
		if k%2 == 1 {
			weight = 4
		}
		sum += weight * f(float64(k)*h, 0, 0)
	}
	return sum * h / 3
}
