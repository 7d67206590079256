package engine_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
)

// synthetic writes n objects of the kinds the library reads most (workloads,
// Services, NetworkPolicies, RBAC), spread over ten namespaces and 50 files.
func synthetic(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	files := make([]strings.Builder, 50)
	for i := 0; i < n; i++ {
		ns := fmt.Sprintf("team-%d", i%10)
		var doc string
		switch i % 5 {
		case 0:
			doc = fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-%d, namespace: %s, labels: {app: app-%d}}
spec:
  selector: {matchLabels: {app: app-%d}}
  template:
    metadata: {labels: {app: app-%d}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:%d
          securityContext: {privileged: %t}
`, i, ns, i, i, i, i, i%3 == 0)
		case 1:
			doc = fmt.Sprintf(`apiVersion: v1
kind: Service
metadata: {name: svc-%d, namespace: %s}
spec: {selector: {app: app-%d}, ports: [{port: 80}]}
`, i, ns, i-1)
		case 2:
			doc = fmt.Sprintf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np-%d, namespace: %s}
spec: {podSelector: {matchLabels: {app: app-%d}}, policyTypes: [Ingress]}
`, i, ns, i-2)
		case 3:
			doc = fmt.Sprintf(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: role-%d, labels: {agg: "%d"}}
rules:
  - {apiGroups: [""], resources: [secrets, pods/exec], verbs: [get, list, create]}
  - {apiGroups: [apps], resources: [deployments], verbs: ["*"]}
`, i, i%4)
		default:
			doc = fmt.Sprintf(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb-%d, namespace: %s}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: role-%d}
subjects: [{kind: ServiceAccount, name: default, namespace: %s}]
`, i, ns, i-1, ns)
		}
		b := &files[i%len(files)]
		b.WriteString("---\n")
		b.WriteString(doc)
	}
	for i := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.yaml", i)), []byte(files[i].String()), 0o644))
	}
	return dir
}

// TestRepeatedLintsDoNotGrowTheHeap lints the same input five times with one
// Linter, as a long-lived process (an admission webhook, an IDE server)
// would: the heap after the fifth run must be what it was after the second.
// With KUBEWARD_SCALED set (the 10,000-object corpus) it uses that.
func TestRepeatedLintsDoNotGrowTheHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping five full lints")
	}
	dir := os.Getenv("KUBEWARD_SCALED")
	if dir == "" {
		dir = synthetic(t, 400)
	}
	l, err := engine.New(engine.Options{Complete: true})
	require.NoError(t, err)
	heap := make([]uint64, 5)
	findings := -1
	for i := range heap {
		res := l.Lint(context.Background(), []string{dir})
		require.Empty(t, res.Errors)
		if findings >= 0 {
			assert.Equal(t, findings, len(res.Findings), "run %d", i+1)
		}
		findings = len(res.Findings)
		res = nil
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap[i] = ms.HeapAlloc
	}
	t.Logf("heap after each run (MB): %.1f %.1f %.1f %.1f %.1f", mb(heap[0]), mb(heap[1]), mb(heap[2]), mb(heap[3]), mb(heap[4]))
	assert.Greater(t, findings, 0)
	// 10% and 4 MB of slack for what the runtime itself keeps.
	assert.LessOrEqual(t, float64(heap[4]), float64(heap[1])*1.10+4<<20, "the heap grew between runs 2 and 5")
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

// Options.Progress is told how far evaluation is, up to the end, in order.
func TestProgressIsReported(t *testing.T) {
	dir := synthetic(t, 250)
	var seen [][2]int
	l, err := engine.New(engine.Options{Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) }})
	require.NoError(t, err)
	res := l.Lint(context.Background(), []string{dir})
	require.NotEmpty(t, seen)
	last := seen[len(seen)-1]
	assert.Equal(t, [2]int{res.Objects, res.Objects}, last)
	for i := 1; i < len(seen); i++ {
		assert.Greater(t, seen[i][0], seen[i-1][0])
	}
	assert.GreaterOrEqual(t, len(seen), 50, "about every percent")
}
