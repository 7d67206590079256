package schema_test

import (
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/schema"
)

func value(t *testing.T, yaml string) ast.Value {
	t.Helper()
	objs, errs := load.Parse("t.yaml", []byte(yaml), load.DefaultLimits())
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	return objs[0].Value
}

// problems are "code path: message" lines.
func problems(t *testing.T, v *schema.Validator, apiVersion, kind, yaml string) []string {
	t.Helper()
	ps, known, err := v.Validate(apiVersion, kind, value(t, yaml))
	require.NoError(t, err)
	require.True(t, known, "%s/%s has no schema", apiVersion, kind)
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%d %s: %s", p.Code, load.FormatPath(p.Path), p.Message))
	}
	return out
}

func TestEmbeddedReleases(t *testing.T) {
	assert.Equal(t, []string{"1.34", "1.35", "1.36", "1.37"}, schema.Releases())
	for _, c := range []struct{ in, release string }{{"", "1.37"}, {"1.22", "1.34"}, {"v1.35.2", "1.35"}, {"1.36.0-rc.1", "1.36"}, {"1.99", "1.37"}} {
		v, err := schema.New(c.in)
		require.NoError(t, err)
		assert.Equal(t, c.release, v.Release(), c.in)
	}
	for _, bad := range []string{"banana", "2.1", "1"} {
		_, err := schema.New(bad)
		assert.Error(t, err, bad)
	}
}

func TestBuiltinKinds(t *testing.T) {
	v, err := schema.New("")
	require.NoError(t, err)
	got := problems(t, v, "v1", "Pod", `apiVersion: v1
kind: Pod
metadata: {name: Web_1}
spec:
  containers:
    - name: web
      image: x
      Image: y
      resources: {limits: {cpu: 2, memory: 1Gb}}
      ports: [{containerPort: 0, protocol: tcp, name: http}]
      livenessProbe: {httpGet: {port: 8080}, tcpSocket: {port: bad_name}}
      securityContext: {capabilities: null}
    - image: z
`)
	assert.ElementsMatch(t, []string{
		`1 spec.containers[0].Image: unknown field "Image" of Container: did you mean "image"?`,
		`4 spec.containers[0].resources.limits.memory: memory "1Gb" is not a quantity (like 500m, 1, 256Mi, 1Gi)`,
		`4 spec.containers[0].ports[0].containerPort: containerPort 0 is not a port number (1 to 65535)`,
		`4 spec.containers[0].ports[0].protocol: protocol "tcp" is not one of "SCTP", "TCP", "UDP"`,
		`4 spec.containers[0].livenessProbe.tcpSocket.port: port "bad_name" is not a valid port name: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
		`3 spec.containers[1]: missing required field "name" of Container`,
		`4 metadata.name: Pod name "Web_1" is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
	}, got)

	// Not a custom resource: a built-in group at a version 1.37 does not serve.
	_, known, err := v.Validate("extensions/v1beta1", "Ingress", value(t, "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n"))
	require.NoError(t, err)
	assert.False(t, known)
	assert.True(t, v.Builtin("extensions/v1beta1"))
	assert.False(t, v.Builtin("monitoring.coreos.com/v1"))
}

func TestCustomResources(t *testing.T) {
	v, err := schema.New("")
	require.NoError(t, err)
	require.NoError(t, v.AddCRD(value(t, `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: string, enum: [small, large]}
                port: {x-kubernetes-int-or-string: true}
                extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                labels: {type: object, additionalProperties: {type: string}}
                count: {type: integer, nullable: true}
    - name: v2
      served: true
      storage: false
`)))
	got := problems(t, v, "example.com/v1", "Widget", `apiVersion: example.com/v1
kind: Widget
metadata: {name: w, labels: {a: b}}
spec:
  size: medium
  port: [1]
  extra: {anything: {goes: 1}}
  labels: {a: 1}
  count: null
  colour: red
`)
	assert.ElementsMatch(t, []string{
		`4 spec.size: size "medium" is not one of "small", "large"`,
		`2 spec.port: port must be an integer or a string, found a list`,
		`2 spec.labels.a: a must be a string, found the number 1`,
		`1 spec.colour: unknown field "colour": the API server drops it (or refuses it under strict field validation)`,
	}, got)
	assert.Empty(t, problems(t, v, "example.com/v1", "Widget", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: small, port: http}\n"))

	// A version without a schema, and a kind with no CRD, are not validated.
	for _, api := range []string{"example.com/v2", "other.example.com/v1"} {
		_, known, err := v.Validate(api, "Widget", value(t, "apiVersion: "+api+"\nkind: Widget\nmetadata: {name: w}\n"))
		require.NoError(t, err)
		assert.False(t, known, api)
	}
}

// Gateway API kinds are CRDs though their group ends in .k8s.io.
func TestCRDGroupsUnderK8sIO(t *testing.T) {
	v, err := schema.New("")
	require.NoError(t, err)
	assert.False(t, v.Builtin("gateway.networking.k8s.io/v1"))
	assert.True(t, v.Builtin("networking.k8s.io/v1beta1"))
	assert.True(t, v.Builtin("apps/v1beta2"))
}

// A schema that does not decode is reported by AddCRD, though it is decoded
// only when a custom resource of its version is validated.
func TestCRDSchemaErrorsAtAdd(t *testing.T) {
	const head = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget}\n"
	for _, c := range []struct{ spec, err string }{
		{"  versions: [{name: v1, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: 5}}}}}]\n",
			"CustomResourceDefinition Widget.example.com version v1: openAPIV3Schema.properties.spec.type must be a string, found a number"},
		{"  versions: [{name: v1, schema: {openAPIV3Schema: {properties: {a: {items: [{type: string}]}}}}}]\n",
			"openAPIV3Schema.properties.a.items must be a mapping, found a list"},
		{"  versions: [{name: v1, schema: {openAPIV3Schema: {required: [a, 1]}}}]\n",
			"openAPIV3Schema.required[1] must be a string, found a number"},
		{"  versions: [{name: v1, schema: {openAPIV3Schema: {additionalProperties: yes}}}]\n",
			"openAPIV3Schema.additionalProperties must be a mapping, found a string"},
		{"  versions: {v1: {}}\n", "spec.versions must be a list, found a mapping"},
		{"  versions: [{name: 1}]\n", "spec.versions[0].name must be a string, found a number"},
	} {
		v, err := schema.New("")
		require.NoError(t, err)
		err = v.AddCRD(value(t, head+c.spec))
		require.Error(t, err, c.spec)
		assert.Contains(t, err.Error(), c.err)
	}
}

// apiextensions.k8s.io/v1beta1 gives one schema for every version; nulls
// are what encoding/json made of them (no schema, no value).
func TestCRDV1beta1AndNulls(t *testing.T) {
	v, err := schema.New("")
	require.NoError(t, err)
	require.NoError(t, v.AddCRD(value(t, `apiVersion: apiextensions.k8s.io/v1beta1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  names: {kind: Gadget}
  version: v1alpha1
  validation:
    openAPIV3Schema:
      type: object
      properties:
        spec:
          type: object
          nullable: null
          required: [mode]
          properties:
            mode: {type: string, enum: [a, b]}
            level: {type: integer, enum: [1, 2.0, 3e0]}
            any: null
`)))
	got := problems(t, v, "example.com/v1alpha1", "Gadget", "apiVersion: example.com/v1alpha1\nkind: Gadget\nmetadata: {name: g}\nspec: {level: 4, any: {x: 1}, other: 1}\n")
	assert.ElementsMatch(t, []string{
		`3 spec: missing required field "mode"`,
		`4 spec.level: level 4 is not one of 1, 2, 3`,
		`1 spec.other: unknown field "other": the API server drops it (or refuses it under strict field validation)`,
	}, got)
}

// Custom resources of one CRD are validated from several goroutines, and the
// first of them decodes the schema.
func TestCRDDecodedOnceConcurrently(t *testing.T) {
	v, err := schema.New("")
	require.NoError(t, err)
	require.NoError(t, v.AddCRD(value(t, "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget}\n  versions: [{name: v1, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: string}}}}}}}]\n")))
	obj := value(t, "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1}\n")
	done := make(chan []schema.Problem)
	for range 8 {
		go func() {
			ps, _, _ := v.Validate("example.com/v1", "Widget", obj)
			done <- ps
		}()
	}
	for range 8 {
		ps := <-done
		require.Len(t, ps, 1)
		assert.Equal(t, "size must be a string, found the number 1", ps[0].Message)
	}
}

// Definitions are decoded when first needed: every one of every embedded
// release must still decode, and link to definitions that exist.
func TestEveryEmbeddedDefinitionDecodes(t *testing.T) {
	for _, rel := range schema.Releases() {
		n, err := schema.DecodeAll(rel)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if n < 100 {
			t.Errorf("%s: only %d definitions decoded", rel, n)
		}
	}
}
