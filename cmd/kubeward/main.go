// Command kubeward lints Kubernetes manifests, Helm output and cluster exports
// with Rego policies. This package only turns flags into engine calls and
// results into exit codes; the work happens in engine/.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/kubeward/kubeward/engine/report"
)

// Exit codes (fixed by DESIGN.md).
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// exitCode carries a command's exit status; err, when set, is printed first.
type exitCode struct {
	code int
	err  error
}

func (e *exitCode) Error() string {
	if e.err != nil {
		return e.err.Error()
	}
	return fmt.Sprintf("exit status %d", e.code)
}

func (e *exitCode) Unwrap() error { return e.err }

// usageError is a bad flag or argument: exit 2.
func usageError(format string, args ...any) error {
	return &exitCode{code: exitError, err: fmt.Errorf(format, args...)}
}

func main() {
	if tuneGC(os.Args[1:]) {
		go watchMemory()
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCommand(stdin, stdout, stderr)
	root.SetArgs(args)
	// Ctrl-C cancels whatever the command is doing (loading, compiling,
	// evaluating, a registry transfer); the command still reports and exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := root.ExecuteContext(ctx)
	if stopProfile != nil {
		stopProfile()
		stopProfile = nil
	}
	if err == nil {
		return exitClean
	}
	var ec *exitCode
	if errors.As(err, &ec) {
		if ec.err != nil {
			fmt.Fprintln(stderr, "kubeward: "+report.SafeLines(ec.err.Error()))
		}
		return ec.code
	}
	// Anything cobra itself refused (unknown command or flag) is a usage error.
	fmt.Fprintln(stderr, "kubeward: "+report.SafeLines(err.Error()))
	return exitError
}
