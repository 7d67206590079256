package load

import (
	"context"
	"os"
	"runtime"
	"testing"
)

// BenchmarkLoadFolder loads the folder named by KUBEWARD_BENCH_INPUT (for
// instance a corpus made by scale-corpus) and reports, besides time and
// allocations, the heap still live while the objects are held: what loading
// costs the rest of a run.
func BenchmarkLoadFolder(b *testing.B) {
	dir := os.Getenv("KUBEWARD_BENCH_INPUT")
	if dir == "" {
		b.Skip("KUBEWARD_BENCH_INPUT (a folder of manifests) is not set: skipping")
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var res Result
	b.ReportAllocs()
	for b.Loop() {
		res = Result{}
		res = Load(context.Background(), []string{dir}, Options{})
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MiB")
	b.ReportMetric(float64(len(res.Objects)), "objects")
	runtime.KeepAlive(res)
}

// BenchmarkPosition resolves a deep path, as every finding does once.
func BenchmarkPosition(b *testing.B) {
	objs, errs := Parse("deploy.yaml", []byte(deployment), DefaultLimits())
	if len(errs) > 0 || len(objs) != 1 {
		b.Fatal("fixture does not parse")
	}
	o := objs[0]
	path := []any{"spec", "template", "spec", "containers", 0, "securityContext", "privileged"}
	b.ReportAllocs()
	for b.Loop() {
		if o.Position(path).Line != 13 {
			b.Fatal("wrong line")
		}
	}
}

// BenchmarkPositionThroughMerge resolves a field reached through merge keys.
func BenchmarkPositionThroughMerge(b *testing.B) {
	const text = `x-base: &base
  securityContext: {privileged: true}
  image: nginx
x-more: &more
  resources: {limits: {cpu: "1"}}
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          <<: [*more, *base]
`
	objs, errs := Parse("deploy.yaml", []byte(text), DefaultLimits())
	if len(errs) > 0 || len(objs) != 1 {
		b.Fatal("fixture does not parse", errs)
	}
	o := objs[0]
	path := []any{"spec", "template", "spec", "containers", 0, "securityContext", "privileged"}
	b.ReportAllocs()
	for b.Loop() {
		if o.Position(path).Line != 2 {
			b.Fatal("wrong line", o.Position(path))
		}
	}
}
