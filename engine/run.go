package engine

import (
	"context"
	"sync"

	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/kubeward/kubeward/engine/internal/evaluate"
	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/result"
)

// objectRun evaluates the objects of one run under every compiled part, on
// one pool of workers. Objects kept whole are evaluated one part at a time;
// those kept as a projection (a large input) a file at a time, as the file
// is read again, so that only the files being evaluated are held whole.
type objectRun struct {
	l     *Linter
	ctx   context.Context
	todo  []*load.Object
	evs   []*evaluate.Evaluator // one per part
	cross *evaluate.Evaluator   // the rules reading other objects, for objects evaluated early
	s     *stream
	sr    *schemaRun
	ctrl  map[*load.Object]*load.Object
	// checked are the run's Checked, whose metadata a projection's
	// object gives once it is read again.
	checked []Checked
	// outcomes[i*len(evs)+p] is todo[i] under part p.
	outcomes []outcome
	report   func()
}

func (l *Linter) newObjectRun(ctx context.Context, todo []*load.Object, parts []part, store storage.Store, s *stream, sr *schemaRun, ctrl map[*load.Object]*load.Object, checked []Checked) *objectRun {
	evs := make([]*evaluate.Evaluator, len(parts))
	shared := s.findingsShared()
	for i, p := range parts {
		evs[i] = l.partEvaluator(p, store)
		evs[i].Shared = shared
	}
	return &objectRun{l: l, ctx: ctx, todo: todo, evs: evs, cross: s.crossEvaluator(parts, store), s: s, sr: sr, ctrl: ctrl,
		checked: checked, outcomes: make([]outcome, len(todo)*len(evs)), report: l.progress(len(todo))}
}

// evaluateAll evaluates every object that needs it, and returns when all
// are done or the run is cancelled.
func (r *objectRun) evaluateAll() {
	pool := newPool(r.l.workers())
	reread, files := r.dispatch(pool)
	for _, file := range files {
		if r.ctx.Err() != nil {
			break
		}
		pool.submit(r.ctx, func() { r.rereadFile(pool, file, reread[file]) })
	}
	pool.wait()
}

// dispatch hands every object kept whole to the pool, part by part, and
// returns the objects kept as a projection by file (files in input order).
func (r *objectRun) dispatch(pool *pool) (reread map[string][]int, files []string) {
	reread = map[string][]int{}
	for i, o := range r.todo {
		if r.settled(i, o) {
			continue
		}
		if o.Partial {
			if _, ok := reread[o.Source.File]; !ok {
				files = append(files, o.Source.File)
			}
			reread[o.Source.File] = append(reread[o.Source.File], i)
			continue
		}
		for p := range r.evs {
			if !pool.submit(r.ctx, func() { r.evaluate(i, p, o) }) {
				return reread, files
			}
		}
	}
	return reread, files
}

// settled says whether todo[i] needs no evaluation now, and gives it its
// outcome when it does not: an owned object with its controller's template
// has nothing of its own to report (KeepDiffering would drop all); one
// evaluated while it was whole is read again only for the rules that read
// other objects.
func (r *objectRun) settled(i int, o *load.Object) bool {
	if top := r.ctrl[o]; top != nil && inventory.SameTemplate(o, top) {
		r.outcomes[i*len(r.evs)] = outcome{}
		r.report()
		return true
	}
	if e := r.s.earlyOf(o); e != nil {
		r.outcomes[i*len(r.evs)] = e.outcome
		if !r.s.crossApplies(o.Kind) {
			r.report()
			return true
		}
	}
	return false
}

// evaluate evaluates todo[i], o, under part p; part 0 also checks it
// against the schema.
func (r *objectRun) evaluate(i, p int, o *load.Object) {
	f, e := r.evs[p].Evaluate(r.ctx, o)
	// Progress counts objects evaluated, not those a cancel skipped.
	if p == 0 && r.ctx.Err() == nil {
		// What the API server would refuse or drop; the object is still
		// evaluated for the rest.
		sf, se := r.sr.check(o)
		f, e = append(f, sf...), append(e, staged(se, StageLoad)...)
		r.report()
	}
	r.outcomes[i*len(r.evs)+p] = outcome{f, e}
}

// rereadFile reads file again and evaluates its objects todo[at...]. A file
// of many objects (a List exported from a cluster) is not left to the
// worker that read it: idle workers take its objects.
func (r *objectRun) rereadFile(pool *pool, file string, at []int) {
	whole := r.l.reread(file, r.todo, at, r.outcomes, len(r.evs))
	for n, i := range at {
		job := func() { r.evaluateWhole(i, whole[n]) }
		if len(at) > manyObjects {
			pool.spread(job)
		} else {
			job()
		}
	}
}

// evaluateWhole evaluates todo[i] as read again, o (nil when the file no
// longer holds it): by the rules that read other objects when the rest
// evaluated it early, else by every part.
func (r *objectRun) evaluateWhole(i int, o *load.Object) {
	if r.ctx.Err() != nil {
		return
	}
	if o == nil {
		r.report()
		return
	}
	if r.s.earlyOf(r.todo[i]) != nil {
		f, e := r.cross.Evaluate(r.ctx, o)
		oc := &r.outcomes[i*len(r.evs)]
		oc.findings, oc.errors = append(oc.findings, f...), append(oc.errors, e...)
		r.report()
		return
	}
	c := &r.checked[i]
	c.Labels, c.Annotations, c.TemplateAnnotations = inventory.Metadata(o)
	for p := range r.evs {
		r.evaluate(i, p, o)
	}
}

// findings are the findings of every object once: those of an owned object
// that its controller does not have, and each problem once (merge).
func (r *objectRun) findings() []Finding {
	inventory.KeepDiffering(r.todo, r.ctrl, func(j int) *[]Finding { return &r.outcomes[j].findings }, len(r.evs))
	return merge(r.todo, r.outcomes, len(r.evs))
}

// errors are the errors of every object, in input order.
func (r *objectRun) errors() []Error {
	var out []Error
	for _, o := range r.outcomes {
		out = append(out, o.errors...)
	}
	return out
}

// pool runs jobs on a fixed number of workers. A job may hand parts of its
// own work to idle workers (spread), and does them itself when none is: the
// run has one set of workers, never a pool inside a pool.
type pool struct {
	jobs    chan func()
	workers sync.WaitGroup
	pending sync.WaitGroup // jobs handed out and not yet done
}

func newPool(n int) *pool {
	p := &pool{jobs: make(chan func())}
	for range max(n, 1) {
		p.workers.Go(func() {
			for job := range p.jobs {
				job()
				p.pending.Done()
			}
		})
	}
	return p
}

// submit hands job to a worker, waiting for one to be free; it returns
// false, the job not run, once ctx ends: a cancelled run hands out no more
// work, and what a worker already holds stops at its next check
// (Evaluator.Evaluate).
func (p *pool) submit(ctx context.Context, job func()) bool {
	p.pending.Add(1)
	select {
	case p.jobs <- job:
		return true
	case <-ctx.Done():
		p.pending.Done()
		return false
	}
}

// spread, called from a job, hands job to an idle worker, or runs it at
// once when every worker is busy.
func (p *pool) spread(job func()) {
	p.pending.Add(1)
	select {
	case p.jobs <- job:
	default:
		p.pending.Done()
		job()
	}
}

// wait returns once every job handed out is done, and stops the workers.
func (p *pool) wait() {
	p.pending.Wait()
	close(p.jobs)
	p.workers.Wait()
}

// merge lists the findings of every outcome once: the same file given twice,
// or one object in two files, is one problem. Only findings of an object whose
// identity occurs more than once are remembered across objects (a large run
// has hundreds of thousands of findings); outcomes give up their findings as
// they are copied.
func merge(todo []*load.Object, outcomes []outcome, parts int) []Finding {
	total := 0
	for _, o := range outcomes {
		total += len(o.findings)
	}
	count := make(map[load.Ref]int, len(todo))
	for _, o := range todo {
		count[o.Ref()]++
	}
	out := make([]Finding, 0, total)
	across := map[result.Key]bool{}
	within := map[result.Key]bool{}
	for j := range outcomes {
		if j%parts == 0 {
			clear(within)
		}
		seen := within
		if count[todo[j/parts].Ref()] > 1 {
			seen = across
		}
		for _, f := range outcomes[j].findings {
			k := result.KeyOf(f)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, f)
		}
		outcomes[j].findings = nil
	}
	return out
}

// outcome is what evaluating one object under one part gave.
type outcome struct {
	findings []Finding
	errors   []Error
}

// progress returns what a worker calls after each object: it tells
// Options.Progress every percent of total and at the end.
func (l *Linter) progress(total int) func() {
	if l.opts.Progress == nil || total == 0 {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	step := max(total/100, 1)
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		if done%step == 0 || done == total {
			l.opts.Progress(done, total)
		}
	}
}
