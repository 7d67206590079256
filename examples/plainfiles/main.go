// Command plainfiles lints the plain YAML files and folders named on its
// command line with the bundled rules, through the lint facade. It gives no
// source, so it links neither Helm, Kustomize nor client-go (docs/go-api.md).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/kubeward/kubeward/lint"
)

func main() {
	res, err := lint.Run(context.Background(), lint.Config{Paths: os.Args[1:], DiscoverConfig: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d: %s %s\n", f.Location.File, f.Location.Line, f.Rule.ID, f.Message)
	}
	for _, e := range res.Errors {
		fmt.Fprintln(os.Stderr, e)
	}
	if res.Failed() {
		os.Exit(1)
	}
}
