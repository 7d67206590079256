package helm

// Rendering a chart someone else wrote, bounded. Helm's engine already
// leaves out env and expandenv, answers getHostByName with "" unless
// EnableDNS is set, gives lookup an empty result without a cluster client,
// serves .Files from the chart in memory, and stops an include nested more
// than 1000 deep. It does not bound time or output: a template can loop
// (repeat, until, untilStep, seq with huge counts; range over a huge number;
// include or template calling themselves twice), and its context is only
// handed to lookup. So kubeward:
//   - replaces repeat, until, untilStep and seq by versions whose output
//     counts against the chart's rendered-bytes budget, and which fail once
//     the render has been given up;
//   - pins lookup and getHostByName to their offline answers, whatever a
//     later Helm might default to;
//   - renders in its own goroutine and stops waiting when the context ends
//     or RenderTimeout passes. A goroutine cannot be killed from outside,
//     so every loop body and every define body of the chart's templates
//     is given a call to a function that fails once the render is given up
//     (instrument, below): a range over a huge number or a define calling
//     itself twice stops at its next turn. What is not instrumented is
//     the text handed to tpl at render time: a loop there runs on until it
//     ends or the process exits, after the error has been returned.

import (
	"context"
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"text/template"
	"text/template/parse"
	"time"

	"helm.sh/helm/v4/pkg/chart/common"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/engine"

	"github.com/kubeward/kubeward/engine/confine"
)

// guard is the shared state of one chart's bounded functions.
type guard struct {
	stopped atomic.Bool  // set when the render is given up
	failed  atomic.Value // the first error of a bounded function (error)
	left    atomic.Int64 // bytes the bounded functions may still produce
	max     int64
}

func (g *guard) check() error {
	if g.stopped.Load() {
		return errors.New("rendering of this chart was given up")
	}
	return nil
}

// spend charges n bytes of output (for a list, 8 bytes an element: what it
// costs in memory, and at least what a loop over it writes per turn when it
// writes anything).
func (g *guard) spend(fn string, n int64) error {
	if err := g.check(); err != nil {
		return err
	}
	if n < 0 || g.left.Add(-n) < 0 {
		err := fmt.Errorf("output over the %s the chart may render (--max-rendered-bytes)", confine.HumanBytes(g.max))
		if fn != "" {
			err = fmt.Errorf("%s: %w", fn, err)
		}
		g.failed.CompareAndSwap(nil, err)
		return err
	}
	return nil
}

func (g *guard) funcs() template.FuncMap {
	return template.FuncMap{
		"repeat": func(count int, s string) (string, error) {
			if count < 0 {
				return "", errors.New("repeat: negative count")
			}
			if count == 0 {
				return "", g.check()
			}
			if len(s) > 0 && count > int(g.max)/len(s)+1 {
				return "", g.spend("repeat", -1)
			}
			if err := g.spend("repeat", int64(count)*int64(len(s))); err != nil {
				return "", err
			}
			return strings.Repeat(s, count), nil
		},
		"until": func(count int) ([]int, error) {
			step := 1
			if count < 0 {
				step = -1
			}
			return g.intRange("until", 0, count, step)
		},
		"untilStep": func(start, stop, step int) ([]int, error) {
			return g.intRange("untilStep", start, stop, step)
		},
		"seq": g.seq,
		"lookup": func(string, string, string, string) (map[string]any, error) {
			return map[string]any{}, g.check()
		},
		"getHostByName": func(string) (string, error) { return "", g.check() },
		// The turn of a loop, the call of a define: charged with the text the
		// body writes as it stands, so that a loop writing text is held to
		// the budget as it runs rather than once it is done.
		tickFunc: func(text int) (string, error) { return "", g.spend("", int64(text)) },
	}
}

// tickFunc is the function instrument puts at the start of loop and define
// bodies; its name is one no chart can define (charts define templates,
// not functions).
const tickFunc = "kubewardTick"

// instrument returns the template text with a call to tickFunc at the start
// of every range body and define body, on the same line, so that line
// numbers (in errors) stay those of the file; a column on such a line moves
// by the length of the call. A whitespace trim marker opening the body
// ({{- …) is kept in effect by putting it on the call instead. With file >= 0
// it also puts in the markers of where the output comes from (markers.go).
// Text that does not parse is returned unchanged, for Helm to report.
func instrument(name, text string, file int) string {
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck
	set := map[string]*parse.Tree{}
	if _, err := tr.Parse(text, "", "", set); err != nil {
		return text
	}
	type point struct{ pos, text int }
	var at []point
	body := func(l *parse.ListNode) point {
		p := point{pos: int(l.Pos)}
		for _, n := range l.Nodes {
			if t, ok := n.(*parse.TextNode); ok {
				p.text += len(t.Text)
			}
		}
		return p
	}
	var walk func(n parse.Node)
	walkList := func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for _, n := range l.Nodes {
			walk(n)
		}
	}
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.RangeNode:
			if n.List != nil {
				at = append(at, body(n.List))
			}
			walkList(n.List)
			walkList(n.ElseList)
		case *parse.IfNode:
			walkList(n.List)
			walkList(n.ElseList)
		case *parse.WithNode:
			walkList(n.List)
			walkList(n.ElseList)
		}
	}
	var edits []edit
	for tname, t := range set {
		if t.Root == nil {
			continue
		}
		if tname != name {
			at = append(at, body(t.Root))
		} else if file >= 0 {
			edits = append(edits, markEdits(text, t.Root, file)...)
		}
		walkList(t.Root)
	}
	sort.Slice(at, func(i, j int) bool { return at[i].pos < at[j].pos })
	ticks := make([]edit, 0, len(at))
	for i, p := range at {
		if p.pos < 0 || p.pos > len(text) || (i > 0 && p.pos == at[i-1].pos) {
			continue
		}
		open := "{{"
		if rest := text[p.pos:]; strings.HasPrefix(rest, "{{-") && len(rest) > 3 && strings.ContainsRune(" \t\r\n", rune(rest[3])) {
			open = "{{- " // the body's own trim marker, kept in effect
		}
		ticks = append(ticks, edit{pos: p.pos, text: open + tickFunc + " " + strconv.Itoa(p.text) + "}}"})
	}
	if len(ticks)+len(edits) == 0 {
		return text
	}
	// At one position the call comes first: it keeps a body's trim marker.
	return applyEdits(text, append(ticks, edits...))
}

// instrumentCharts puts the calls and markers of instrument into the
// templates of the chart tree, each chart getting its own copies (a subchart
// used under two aliases shares its template list). files numbers the
// templates, by the name the engine gives their output.
func instrumentCharts(ch *chart.Chart, files map[string]int) {
	tpls := make([]*common.File, len(ch.Templates))
	for i, t := range ch.Templates {
		cp := *t
		name := path.Join(ch.ChartFullPath(), t.Name)
		file, ok := files[name]
		if !ok {
			file = -1
		}
		cp.Data = []byte(instrument(name, string(t.Data), file))
		tpls[i] = &cp
	}
	ch.Templates = tpls
	for _, d := range ch.Dependencies() {
		instrumentCharts(d, files)
	}
}

// intRange is sprig's until/untilStep: start, start+step, … short of stop;
// no element when step does not lead from start towards stop.
func (g *guard) intRange(fn string, start, stop, step int) ([]int, error) {
	if step == 0 || (step > 0 && start >= stop) || (step < 0 && start <= stop) {
		return []int{}, g.check()
	}
	span := int64(stop) - int64(start)
	n := span / int64(step)
	if span%int64(step) != 0 {
		n++
	}
	if n > g.max/8+1 {
		return nil, g.spend(fn, -1)
	}
	if err := g.spend(fn, 8*n); err != nil {
		return nil, err
	}
	out := make([]int, n) // by count: start+k*step cannot overflow short of stop
	for k := range out {
		out[k] = start + k*step
	}
	return out, nil
}

// seq is sprig's (GNU seq): "seq LAST", "seq FIRST LAST", "seq FIRST INCR
// LAST", inclusive, counting down when LAST < FIRST; numbers joined by
// spaces.
func (g *guard) seq(params ...int) (string, error) {
	first, incr, last := 1, 1, 0
	switch len(params) {
	case 0:
		return "", g.check()
	case 1:
		last = params[0]
	case 2:
		first, last = params[0], params[1]
	case 3:
		first, incr, last = params[0], params[1], params[2]
	default:
		return "", g.check()
	}
	if last < first {
		if len(params) < 3 {
			incr = -1
		} else if incr > 0 {
			return "", g.check()
		}
	} else if incr < 0 {
		return "", g.check()
	}
	if incr == 0 {
		return "", g.check()
	}
	stop := last + 1
	if incr < 0 {
		stop = last - 1
	}
	nums, err := g.intRange("seq", first, stop, incr)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, v := range nums {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(v))
	}
	return b.String(), nil
}

// renderBounded runs Helm's engine on the chart under the context, the
// time limit and the byte budget.
func renderBounded(ctx context.Context, ch *chart.Chart, top common.Values, timeout time.Duration, maxBytes int64) (map[string]string, error) {
	g := &guard{max: maxBytes}
	g.left.Store(maxBytes)
	funcs := g.funcs()
	for name, fn := range hashFuncs() {
		funcs[name] = fn
	}
	eng := engine.Engine{CustomTemplateFuncs: funcs}
	type result struct {
		out map[string]string
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned render must not block on sending
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("rendering failed: %v", r)}
			}
		}()
		out, err := eng.RenderWithContext(ctx, ch, top)
		done <- result{out, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			if failed, ok := g.failed.Load().(error); ok {
				// Say where, and why, without the call chain of text/template
				// that names kubeward's own functions.
				if at := templateLocation(r.err.Error()); at != "" {
					return nil, fmt.Errorf("rendering stopped at %s: %w", at, failed)
				}
				return nil, fmt.Errorf("rendering stopped: %w", failed)
			}
			return nil, fmt.Errorf("rendering: %w", shorten(r.err))
		}
		var total int64
		for _, s := range r.out {
			total += unmarkedLen(s)
		}
		if total > maxBytes {
			return nil, fmt.Errorf("rendered %s, more than the %s limit (--max-rendered-bytes)", confine.HumanBytes(total), confine.HumanBytes(maxBytes))
		}
		return r.out, nil
	case <-ctx.Done():
		g.stopped.Store(true)
		return nil, fmt.Errorf("rendering stopped: %w", ctx.Err())
	case <-timer.C:
		g.stopped.Store(true)
		return nil, fmt.Errorf("rendering took longer than %s (--render-timeout)", timeout)
	}
}

// templateLocation is the innermost "name:line" of a text/template
// execution error ("template: web/templates/x.yaml:3:9: executing …");
// the column is left out, as instrument may have moved it.
func templateLocation(msg string) string {
	const mark = "template: "
	i := strings.LastIndex(msg, mark)
	if i < 0 {
		return ""
	}
	rest := msg[i+len(mark):]
	end := strings.Index(rest, ": ")
	if end <= 0 {
		return ""
	}
	loc := rest[:end]
	if name, line, ok := strings.Cut(loc, ":"); ok {
		line, _, _ = strings.Cut(line, ":")
		return name + ":" + line
	}
	return loc
}

// maxMessage bounds a rendering error's text: a define nested a thousand
// deep gives an error that repeats its call a thousand times.
const maxMessage = 600

// shorten keeps the head and the tail of a long error (the outermost call
// and the cause), saying how much was left out between them.
func shorten(err error) error {
	msg := err.Error()
	if len(msg) <= maxMessage {
		return err
	}
	head, tail := msg[:maxMessage/2], msg[len(msg)-maxMessage/2:]
	return fmt.Errorf("%s … (%d bytes left out) … %s", head, len(msg)-maxMessage, tail)
}
