package validate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/schema"
	"github.com/kubeward/kubeward/engine/validate"
)

func validateText(t *testing.T, text string) []load.Error {
	t.Helper()
	objs, errs := load.Parse("w.yaml", []byte(text), load.DefaultLimits())
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	v, err := schema.New("")
	require.NoError(t, err)
	return validate.Object(objs[0], v)
}

func TestWrongTypesAreInvalid(t *testing.T) {
	cases := []struct {
		name, text string
		want       load.Error
	}{
		{"privileged yes", `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: a
        - name: b
          securityContext:
            privileged: "yes"
`, load.Error{File: "w.yaml", Line: 11, Column: 13,
			Message: `invalid Deployment: spec.template.spec.containers[1].securityContext.privileged must be a boolean, found a string`}},
		{"containers as a map", `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    app: {image: x}
`, load.Error{File: "w.yaml", Line: 5, Column: 3, Message: `invalid Pod: spec.containers must be a list, found a mapping`}},
		{"string where a list is expected", `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  add: NET_ADMIN
`, load.Error{File: "w.yaml", Line: 13, Column: 19,
			Message: `invalid CronJob: spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add must be a list, found a string`}},
		{"number where a string is expected", `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: 5
`, load.Error{File: "w.yaml", Line: 7, Column: 7, Message: `invalid Pod: spec.containers[0].image must be a string, found a number`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := validateText(t, c.text)
			require.Len(t, got, 1)
			assert.Equal(t, c.want, got[0])
		})
	}
}

func TestValidObjectsAndNulls(t *testing.T) {
	// null is absent to the API server: rules treat it so, and it is valid.
	assert.Empty(t, validateText(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: x
      securityContext:
        capabilities: {add: null}
      resources: {limits: {cpu: 500m, memory: 1Gi}}
      ports: [{containerPort: 80, name: http}]
      livenessProbe: {httpGet: {port: http}}
`))
	// Other kinds are not validated.
	assert.Empty(t, validateText(t, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: [1]}\n"))
}

// One malformed quantity used to stop the decoding: every problem of the
// object is reported now, each at its field.
func TestEveryTypeErrorOfAnObjectIsReported(t *testing.T) {
	got := validateText(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: x
      resources: {limits: {cpu: lots}}
      securityContext: {privileged: "yes"}
      ports: [{containerPort: "80"}]
`)
	var lines []int
	for _, e := range got {
		lines = append(lines, e.Line)
	}
	assert.Equal(t, []int{8, 9, 10}, lines, "%v", got)
}
