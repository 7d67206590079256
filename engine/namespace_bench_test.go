//go:build unix

package engine_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// BenchmarkOneNamespace measures whether the cost of an object depends on how
// many objects share its namespace: N applications (a Deployment, its
// Service, PodDisruptionBudget and HorizontalPodAutoscaler) all in one
// namespace against the same N spread over 40 namespaces, with and without
// --complete. The cross-resource rules look objects up in the inventory; a
// lookup that scans a namespace makes the one-namespace case quadratic.
// cpu-ms/object is the process's CPU time (user + system) per object, which
// on a shared machine varies less than the wall time.
func BenchmarkOneNamespace(b *testing.B) {
	for _, complete := range []bool{true, false} {
		for _, n := range []int{2000, 4000} {
			for _, spread := range []int{1, 40} {
				name := fmt.Sprintf("complete=%t/apps=%d/namespaces=%d", complete, n, spread)
				b.Run(name, func(b *testing.B) { lintApplications(b, complete, n, spread) })
			}
		}
	}
}

// BenchmarkManyNamespaces measures whether the cost of an object depends on
// how many namespaces the run has: N applications, four to a namespace (so
// the namespaces grow with the input, as they do when a corpus is scaled or
// a cluster exported), for N and 2N. The run's inventory index is built over
// every namespace; building it once per namespace over all of them made the
// run quadratic in the namespaces. Doubling N should about double the CPU.
func BenchmarkManyNamespaces(b *testing.B) {
	for _, n := range []int{2000, 4000} {
		b.Run(fmt.Sprintf("apps=%d/namespaces=%d", n, n/4), func(b *testing.B) { lintApplications(b, true, n, n/4) })
	}
}

// lintApplications lints n applications over the given number of namespaces
// and reports the process's CPU time per object. Each case has its own
// Linter, compiled for these kinds on a few applications first: the figure is
// the evaluation, not the compile or what an earlier case left in the heap.
func lintApplications(b *testing.B, complete bool, n, namespaces int) {
	l, err := engine.New(engine.Options{Complete: complete})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	l.LintObjects(ctx, applications(b, 40, min(namespaces, 40)))
	objs := applications(b, n, namespaces)
	runtime.GC()
	b.ResetTimer()
	start := cpuTime(b)
	for i := 0; i < b.N; i++ {
		if res := l.LintObjects(ctx, objs); len(res.Errors) > 0 {
			b.Fatalf("errors: %v", res.Errors[0])
		}
	}
	per := cpuTime(b) - start
	b.ReportMetric(float64(per.Microseconds())/1000/float64(b.N*len(objs)), "cpu-ms/object")
	b.ReportMetric(float64(len(objs)), "objects")
}

// applications generates n applications over the given number of namespaces,
// parsed. Every pod carries labels that all of them share (as a chart's do),
// which a label index must not turn into a scan.
func applications(b *testing.B, n, namespaces int) []*load.Object {
	var sb strings.Builder
	for i := range n {
		ns := fmt.Sprintf("team-%d", i%namespaces)
		fmt.Fprintf(&sb, `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-%[1]d, namespace: %[2]s, labels: {app: web-%[1]d}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web-%[1]d}}
  template:
    metadata:
      labels: {app: web-%[1]d, app.kubernetes.io/managed-by: Helm, tier: backend}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.%[1]d
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: web-%[1]d, namespace: %[2]s}
spec:
  selector: {app: web-%[1]d}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-%[1]d, namespace: %[2]s}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: web-%[1]d}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web-%[1]d, namespace: %[2]s}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web-%[1]d}
  minReplicas: 2
  maxReplicas: 5
`, i, ns)
	}
	objs, errs := load.Parse("apps.yaml", []byte(sb.String()), load.DefaultLimits())
	if len(errs) > 0 {
		b.Fatalf("parse: %v", errs[0])
	}
	return objs
}

// cpuTime is the CPU time the process has used so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
