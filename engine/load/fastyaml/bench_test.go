package fastyaml

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"
)

// deployment is a document of the usual shape: nested block mappings,
// sequences at their key's indent, quoted values, a literal block and a
// folded description.
const deployment = `---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/version: "1.2.3"
  annotations:
    description: a web server that answers on port 8080 and keeps
      its cache on an empty dir
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        args: [--port, "8080"]
        ports:
        - containerPort: 8080
          protocol: TCP
        env:
        - name: MODE
          value: 'production'
        resources:
          limits: {cpu: 500m, memory: 128Mi}
        securityContext:
          runAsNonRoot: true
          allowPrivilegeEscalation: false
        command:
        - /bin/sh
        - -c
        - |
          echo starting
          exec nginx -g 'daemon off;'
      volumes:
      - name: cache
        emptyDir: {}
`

// BenchmarkParse compares the fast path with yaml.v3 on one document.
func BenchmarkParse(b *testing.B) {
	text := []byte(deployment)
	b.Run("fastyaml", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, ok := Parse(text); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			var n yaml.Node
			if err := yaml.NewDecoder(bytes.NewReader(text)).Decode(&n); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestBenchmarkDocumentIsTheSame(t *testing.T) {
	if _, ok := Parse([]byte(deployment)); !ok {
		t.Fatal("the benchmark's document is declined")
	}
	if d := differs([]byte(deployment)); d != "" {
		t.Fatal(d)
	}
}
