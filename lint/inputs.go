package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// lintInputs runs the linter on the one kind of input c gives.
func lintInputs(ctx context.Context, linter *engine.Linter, c Config) (*engine.Result, error) {
	switch {
	case c.Reader != nil:
		res, err := linter.LintReader(ctx, c.Reader)
		if err != nil {
			return nil, &Error{Stage: StageSource, Message: err.Error(), Err: err}
		}
		return res, nil
	case len(c.Paths) > 0:
		return linter.Lint(ctx, c.Paths), nil
	}
	var objs []*load.Object
	var errs []Error
	add := func(name string, content []byte) {
		o, e := load.Parse(name, content, c.Limits)
		objs, errs = append(objs, o...), append(errs, load.Staged(e, StageLoad)...)
	}
	for _, d := range c.Documents {
		add(d.Name, d.Content)
	}
	for i, v := range c.Objects {
		name := fmt.Sprintf("object[%d]", i)
		b, err := json.Marshal(v)
		if err != nil {
			errs = append(errs, Error{Stage: StageLoad, File: name, Message: "not an object: " + err.Error(), Err: err})
			continue
		}
		add(name, b)
	}
	res := linter.LintObjects(ctx, objs)
	res.Errors = append(errs, res.Errors...)
	// In the order of the engine's errors: by file, then line.
	sort.SliceStable(res.Errors, func(i, j int) bool {
		a, b := res.Errors[i], res.Errors[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return res, nil
}
