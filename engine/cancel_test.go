package engine_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
)

// manyDeployments is a file of n Deployments of distinct names.
func manyDeployments(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Replace(privilegedDeployment, "name: web", fmt.Sprintf("name: web-%d", i), 1))
		b.WriteString("\n---\n")
	}
	return b.String()
}

// A run cancelled once evaluation has started (Ctrl-C) returns without
// evaluating the rest, and says it was interrupted: the objects it did not
// reach are not reported clean, nor each as a rule that timed out.
func TestLintStopsWhenCancelled(t *testing.T) {
	const objects = 1000
	p := writeFile(t, t.TempDir(), "many.yaml", manyDeployments(objects))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	last := 0
	l, err := engine.New(engine.Options{
		Workers: 2,
		Progress: func(done, total int) {
			mu.Lock()
			defer mu.Unlock()
			require.Equal(t, objects, total)
			last = done
			cancel()
		},
	})
	require.NoError(t, err)

	got := make(chan *engine.Result, 1)
	go func() { got <- l.Lint(ctx, []string{p}) }()
	var res *engine.Result
	select {
	case res = <-got:
	case <-time.After(2 * time.Minute): // a safety net, not a measurement
		t.Fatal("a cancelled run did not return")
	}
	mu.Lock()
	defer mu.Unlock()
	require.NotZero(t, last, "evaluation had started")
	assert.Less(t, last, objects, "not every object was evaluated")
	require.Len(t, res.Errors, 1, "one error says the run was interrupted: %v", res.Errors)
	assert.Empty(t, res.Errors[0].File, "no file failed: the run was stopped")
	assert.Equal(t, engine.StageEvaluate, res.Errors[0].Stage)
	assert.Equal(t, engine.CodeInterrupted, res.Errors[0].Code)
	assert.ErrorIs(t, res.Errors[0], context.Canceled)
	assert.Contains(t, res.Errors[0].Message, "interrupted (context canceled)")
}

// A context that ends while the policies compile ends the run at once.
func TestLintCancelledBeforeEvaluationSaysSo(t *testing.T) {
	p := writeFile(t, t.TempDir(), "d.yaml", privilegedDeployment)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := bundled(t).Lint(ctx, []string{p})
	require.NotEmpty(t, res.Errors)
	assert.Empty(t, res.Findings)
	found := false
	for _, e := range res.Errors {
		found = found || strings.Contains(e.Message, "interrupted")
	}
	assert.True(t, found, "%v", res.Errors)
}
