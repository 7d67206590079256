package main

import (
	"io"
	"strings"
	"testing"
)

const oneDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          securityContext:
            allowPrivilegeEscalation: true
`

// BenchmarkColdLint is a whole `kubeward lint -` of one Deployment in-process:
// everything a pre-commit run does except starting the process (load and
// compile the library, parse, evaluate, report).
func BenchmarkColdLint(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if code := run([]string{"lint", "-", "--fail-on", "none"}, strings.NewReader(oneDeployment), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
