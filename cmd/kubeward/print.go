package main

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

func addPrintFlag(fl *pflag.FlagSet, f *lintFlags) {
	fl.BoolVar(&f.print, "print", false, "show the output of the rules' print() calls on standard error, each line prefixed with [RULE-ID Kind/namespace/name]")
}

// rulePrinter writes print() output to w, one line per call (and per line
// of a call), prefixed with the rule and the object; nil when off, which
// keeps print() a no-op that costs nothing.
func rulePrinter(w io.Writer, on bool) func(engine.PrintLine) {
	if !on {
		return nil
	}
	var mu sync.Mutex // objects are evaluated side by side
	return func(p engine.PrintLine) {
		prefix := "[" + p.Rule + " " + objectName(p.Object) + "] "
		var b strings.Builder
		for _, line := range strings.Split(p.Message, "\n") {
			b.WriteString(prefix + line + "\n")
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprint(w, b.String())
	}
}

// objectName is Kind/namespace/name, Kind/name for cluster-scoped objects.
func objectName(r load.Ref) string {
	if r.Namespace != "" {
		return r.Kind + "/" + r.Namespace + "/" + r.Name
	}
	return r.Kind + "/" + r.Name
}
