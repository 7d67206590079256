package lint_test

import (
	"context"
	"fmt"

	"github.com/kubeward/kubeward/lint"
)

// Lint files and folders, as `kubeward lint PATH...` does; here only the
// findings of high severity and above.
func ExampleRun_files() {
	res, err := lint.Run(context.Background(), lint.Config{
		Paths:       []string{"testdata/app/deploy.yaml"},
		MinSeverity: "high",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d %s %s\n", f.Location.File, f.Location.Line, f.Severity, f.Rule.ID)
	}
	fmt.Println(res.Objects, "object;", res.Hidden, "findings below high hidden; failed:", res.Failed())
	// Output:
	// testdata/app/deploy.yaml:17 high KW-PSS-014
	// testdata/app/deploy.yaml:18 critical KW-PSS-007
	// 1 object; 15 findings below high hidden; failed: true
}

// Lint objects a program holds in memory: maps, or anything encoding/json
// turns into a Kubernetes object. Findings name them object[N].
func ExampleRun_objects() {
	pod := map[string]any{
		"apiVersion": "v1",
		"kind":       "Pod",
		"metadata":   map[string]any{"name": "debug", "namespace": "shop"},
		"spec": map[string]any{
			"hostNetwork": true,
			"containers":  []any{map[string]any{"name": "sh", "image": "busybox:1.36"}},
		},
	}
	res, err := lint.Run(context.Background(), lint.Config{Objects: []any{pod}, MinSeverity: "high"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		fmt.Println(f.Location.File, f.Object.Kind, f.Object.Name, f.Rule.ID, f.Location.Path)
	}
	// Output:
	// object[0] Pod debug KW-PSS-003 spec.hostNetwork
	// object[0] Pod debug KW-PSS-014 spec.containers[0].securityContext.capabilities.drop
}

// Apply a .kubeward.yaml exactly as the CLI does: here the one found above
// the first path disables a rule, raises another's severity, hides what is
// below medium and leaves a folder unread.
func ExampleRun_configuration() {
	res, err := lint.Run(context.Background(), lint.Config{
		Paths:          []string{"testdata/configured"},
		DiscoverConfig: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("configuration:", res.Config.File)
	fmt.Println("excluded files:", res.Excluded, "hidden below", res.MinSeverity+":", res.Hidden)
	for _, off := range res.RulesOff {
		fmt.Println("off:", off.Rules, "by", off.By)
	}
	for _, f := range res.Findings {
		if f.Rule.ID == "KW-PSS-017" {
			fmt.Println(f.Rule.ID, "reported as", f.Severity)
		}
	}
	// Output:
	// configuration: testdata/configured/.kubeward.yaml
	// excluded files: 1 hidden below medium: 10
	// off: [KW-PSS-014] by testdata/configured/.kubeward.yaml:3
	// KW-PSS-017 reported as high
}

// Read findings and errors: every finding names its rule, object and
// place; every error is a lint.Error with the stage it comes from.
func ExampleResult() {
	res, err := lint.Run(context.Background(), lint.Config{
		Documents: []lint.Document{{Name: "inline.yaml", Content: []byte(`apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  type: NodePort
  ports: [{port: 5432}]
---
apiVersion: v1
kind: ConfigMap
metadata: [not, a, mapping]
`)}},
		MinSeverity: "medium",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d:%d %s %s (%s %s/%s)\n", f.Location.File, f.Location.Line, f.Location.Column,
			f.Severity, f.Rule.ID, f.Object.Kind, f.Object.Namespace, f.Object.Name)
	}
	for _, e := range res.Errors {
		fmt.Println(e.Stage, e.File+":", e.Text())
	}
	// Output:
	// inline.yaml:5:3 medium KW-NET-006 (Service shop/db)
	// load inline.yaml: metadata must be a mapping, found a list
}
