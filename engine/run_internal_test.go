package engine

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Jobs that hand out work of their own (a file read again, its objects)
// finish before wait returns, on the pool's workers or on the job's own,
// whether or not a worker is idle: there is no second pool to deadlock on.
func TestPoolRunsSpreadJobsBeforeWaitReturns(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		p := newPool(workers)
		var done atomic.Int64
		for range 20 {
			p.submit(context.Background(), func() {
				for range 50 {
					p.spread(func() { done.Add(1) })
				}
			})
		}
		p.wait()
		assert.Equal(t, int64(20*50), done.Load(), "%d workers", workers)
	}
}

// A cancelled run hands out no more work.
func TestPoolSubmitStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := newPool(1)
	block := make(chan struct{})
	assert.True(t, p.submit(ctx, func() { <-block }))
	cancel()
	assert.False(t, p.submit(ctx, func() { t.Error("run after the cancel") }))
	close(block)
	p.wait()
}
