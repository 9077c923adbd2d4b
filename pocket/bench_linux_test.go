package pocket

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// cpu is the processor time this process has used: on a machine shared
// with other work it is steadier than the time on the clock.
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBuild makes the default pocket file of the sample binder, at
// the shipped work factor and at age's default (18), to compare with
// `age -e -p` on the same bytes (BENCHMARKS.md), in processor time.
func BenchmarkBuild(b *testing.B) {
	full := sampleBinder(b)
	sub := full.Subset(DefaultSelection(full))
	loc := locale(b, "en")
	for _, wf := range []int{WorkFactor, 18} {
		b.Run(fmt.Sprintf("logN=%d", wf), func(b *testing.B) {
			var n int
			start := cpu()
			for b.Loop() {
				page, err := Build(sub, Options{Loc: loc, Passphrase: testPass, CallLinks: true, workFactor: wf})
				if err != nil {
					b.Fatal(err)
				}
				n = len(page)
			}
			b.ReportMetric(float64(n), "bytes")
			b.ReportMetric(float64((cpu()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
