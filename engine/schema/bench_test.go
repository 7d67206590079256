package schema_test

import (
	"testing"

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
