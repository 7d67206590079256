package schema_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/schema"
)

// BenchmarkValidateDeployment is the cost of validating one Deployment once
// the schema is decoded (BenchmarkDecodeRelease: the once-per-process cost).
func BenchmarkValidateDeployment(b *testing.B) {
	v, err := schema.New("")
	if err != nil {
		b.Fatal(err)
	}
	obj := value(&testing.T{}, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          ports: [{containerPort: 8080, name: http}]
          resources: {limits: {cpu: 500m, memory: 256Mi}}
          securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
          livenessProbe: {httpGet: {path: /healthz, port: http}}
`)
	for b.Loop() {
		if _, _, err := v.Validate("apps/v1", "Deployment", obj); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeRelease(b *testing.B) {
	for b.Loop() {
		if err := schema.DecodeForBenchmark(schema.Newest()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddCRD is the cost of a CRD the input holds no resource of (the
// testdata ServiceMonitor CRD), and BenchmarkFirstCRDValidation that of
// adding it and validating one resource, which decodes its schema.
func BenchmarkAddCRD(b *testing.B) {
	crd := crdFixture(b)
	b.ReportAllocs()
	for b.Loop() {
		v, err := schema.New("")
		if err != nil {
			b.Fatal(err)
		}
		if err := v.AddCRD(crd); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFirstCRDValidation(b *testing.B) {
	crd := crdFixture(b)
	cr := value(&testing.T{}, "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec: {selector: {matchLabels: {app: web}}, endpoints: [{port: http}]}\n")
	b.ReportAllocs()
	for b.Loop() {
		v, err := schema.New("")
		if err != nil {
			b.Fatal(err)
		}
		if err := v.AddCRD(crd); err != nil {
			b.Fatal(err)
		}
		if _, known, err := v.Validate("monitoring.coreos.com/v1", "ServiceMonitor", cr); err != nil || !known {
			b.Fatal(err, known)
		}
	}
}

func crdFixture(b *testing.B) ast.Value {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "schema", "crd", "servicemonitor-crd.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	objs, errs := load.Parse("crd.yaml", text, load.DefaultLimits())
	if len(errs) > 0 || len(objs) != 1 {
		b.Fatal("fixture does not parse", errs)
	}
	return objs[0].Value
}
