// Package schema validates objects against the OpenAPI schema the API server
// would judge them by: the built-in kinds against the definitions of the
// target Kubernetes release, embedded in the binary (data/, written by
// `go generate`), and custom resources against the structural schema of
// their CustomResourceDefinition. A field the server would drop or refuse (a
// typo of securityContext, a port as a string) is reported at its path.
package schema

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

//go:generate go run ./internal/gen -out data v1.34.4 v1.35.4 v1.36.3 v1.37.2

//go:embed data/*.json.gz
var data embed.FS

// Schema is a node of an OpenAPI v3 schema: the subset validation reads,
// shared by the embedded definitions and CRDs' openAPIV3Schema.
type Schema struct {
	Type                 string             `json:"type"`
	Format               string             `json:"format"`
	Ref                  string             `json:"$ref"`
	Properties           map[string]*Schema `json:"properties"`
	Items                *Schema            `json:"items"`
	AdditionalProperties *Schema            `json:"-"`
	Required             []string           `json:"required"`
	Enum                 []any              `json:"enum"`
	Nullable             bool               `json:"nullable"`
	IntOrString          bool               `json:"x-kubernetes-int-or-string"`
	PreserveUnknown      bool               `json:"x-kubernetes-preserve-unknown-fields"`
	EmbeddedResource     bool               `json:"x-kubernetes-embedded-resource"`

	// name is the definition's (io.k8s.api.core.v1.Container), for the
	// checks of particular fields (ports, names).
	name   string
	target *Schema // what Ref names
	// check is what the API server checks of this property beyond its
	// type (fieldChecks), set when the schema is decoded.
	check func(w *walker, v ast.Value)
	// enum and requiredTerms are Enum and Required as Rego values, made
	// once when the schema is decoded instead of at every value validated.
	enum          []ast.Value
	requiredTerms []*ast.Term
}

// UnmarshalJSON reads additionalProperties, which is a schema or a boolean
// (true: any value, as a schema with no type).
func (s *Schema) UnmarshalJSON(b []byte) error {
	type plain Schema
	var aux struct {
		*plain
		AdditionalProperties json.RawMessage `json:"additionalProperties"`
	}
	aux.plain = (*plain)(s)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	switch ap := bytes.TrimSpace(aux.AdditionalProperties); {
	case len(ap) == 0, string(ap) == "false", string(ap) == "null":
	case string(ap) == "true":
		s.AdditionalProperties = &Schema{}
	default:
		s.AdditionalProperties = &Schema{}
		if err := json.Unmarshal(ap, s.AdditionalProperties); err != nil {
			return err
		}
	}
	return nil
}

// resolved follows a $ref.
func (s *Schema) resolved() *Schema {
	for s != nil && s.target != nil {
		s = s.target
	}
	return s
}

// release is one embedded release's schemas. A definition is decoded the
// first time an object needs it (with those it refers to): a run over a few
// Deployments reads tens of the release's hundreds of definitions, and a
// short run's start-up is where the whole decode used to show.
type release struct {
	Version     string                     `json:"version"`
	Kinds       map[string]string          `json:"kinds"`
	Definitions map[string]json.RawMessage `json:"definitions"`

	mu      sync.Mutex
	decoded sync.Map // definition name -> *Schema, complete and linked

	groupsOnce sync.Once
	groupSet   map[string]bool
}

// definition returns the named definition, decoded and linked, or nil when
// the release has none of that name. Safe for concurrent use; what it
// returns is never changed again.
func (r *release) definition(name string) (*Schema, error) {
	if s, ok := r.decoded.Load(name); ok {
		return s.(*Schema), nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	pending := map[string]*Schema{}
	s, err := r.decodeLocked(name, pending)
	if err != nil {
		return nil, err
	}
	// Published only once everything they reach is linked: a reader never
	// sees a definition whose references are still being decoded.
	for n, d := range pending {
		r.decoded.Store(n, d)
	}
	return s, nil
}

// decodeLocked decodes name and, through link, every definition it refers
// to that is not decoded yet. pending holds those of this call (a
// definition may refer to itself, as JSONSchemaProps does).
func (r *release) decodeLocked(name string, pending map[string]*Schema) (*Schema, error) {
	if s, ok := r.decoded.Load(name); ok {
		return s.(*Schema), nil
	}
	if s, ok := pending[name]; ok {
		return s, nil
	}
	raw, ok := r.Definitions[name]
	if !ok {
		return nil, nil
	}
	d := &Schema{}
	if err := json.Unmarshal(raw, d); err != nil {
		return nil, fmt.Errorf("schema of Kubernetes %s: definition %s: %w", r.Version, name, err)
	}
	d.name = name
	prepare(d)
	for k, p := range d.Properties {
		p.check = fieldChecks[name+"."+k]
	}
	pending[name] = d
	if err := link(d, func(ref string) (*Schema, error) { return r.decodeLocked(ref, pending) }); err != nil {
		return nil, err
	}
	return d, nil
}

// groups are the API groups the release serves kinds of.
func (r *release) groups() map[string]bool {
	r.groupsOnce.Do(func() {
		r.groupSet = map[string]bool{}
		for k := range r.Kinds {
			if g, _, ok := strings.Cut(k, "/"); ok && strings.Count(k, "/") == 2 {
				r.groupSet[g] = true
			}
		}
	})
	return r.groupSet
}

// Releases are the Kubernetes releases whose schemas are embedded, oldest
// first.
func Releases() []string { return releases() }

var releases = sync.OnceValue(func() []string {
	entries, _ := data.ReadDir("data")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".json.gz"))
	}
	sort.Slice(out, func(i, j int) bool { return minorOf(out[i]) < minorOf(out[j]) })
	return out
})

// Newest is the newest embedded release: the default target.
func Newest() string {
	r := releases()
	return r[len(r)-1]
}

func minorOf(v string) int {
	_, m, _ := strings.Cut(v, ".")
	n, _ := strconv.Atoi(m)
	return n
}

// ParseVersion reads a Kubernetes version as --kube-version takes it
// (1.35, v1.35.2) and returns its major.minor.
func ParseVersion(v string) (string, error) {
	s := strings.TrimPrefix(strings.TrimSpace(v), "v")
	parts := strings.SplitN(s, ".", 3)
	if len(parts) < 2 {
		return "", fmt.Errorf("kubernetes version %q: want MAJOR.MINOR[.PATCH]", v)
	}
	if len(parts) == 3 {
		// Drop pre-release and build suffixes (1.35.0-rc.1, 1.30.2+k3s1).
		parts[2], _, _ = strings.Cut(parts[2], "-")
		parts[2], _, _ = strings.Cut(parts[2], "+")
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			return "", fmt.Errorf("kubernetes version %q: want MAJOR.MINOR[.PATCH]", v)
		}
	}
	if parts[0] != "1" {
		return "", fmt.Errorf("kubernetes version %q: only 1.x releases exist", v)
	}
	return parts[0] + "." + strings.TrimLeft(parts[1], "0"), nil
}

// releaseFor is the embedded release whose schemas judge version: itself,
// or the nearest embedded one (an older target is judged by the oldest
// schema: fields added since are rare in manifests written for it).
func releaseFor(version string) string {
	rs := releases()
	m := minorOf(version)
	best := rs[0]
	for _, r := range rs {
		if minorOf(r) <= m {
			best = r
		}
	}
	return best
}

var loaded sync.Map // release name -> *loadedRelease

type loadedRelease struct {
	once sync.Once
	r    *release
	err  error
}

// load decodes a release once per process, on first use: a run that does not
// validate does not pay for it.
func load(name string) (*release, error) {
	v, _ := loaded.LoadOrStore(name, &loadedRelease{})
	lr := v.(*loadedRelease)
	lr.once.Do(func() {
		lr.r, lr.err = decode(name)
	})
	return lr.r, lr.err
}

func decode(name string) (*release, error) {
	f, err := data.Open("data/" + name + ".json.gz")
	if err != nil {
		return nil, fmt.Errorf("schema of Kubernetes %s: %w", name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("schema of Kubernetes %s: %w", name, err)
	}
	r := &release{}
	if err := json.NewDecoder(zr).Decode(r); err != nil {
		return nil, fmt.Errorf("schema of Kubernetes %s: %w", name, err)
	}
	if r.Version == "" {
		r.Version = name
	}
	return r, nil
}

// Preload decodes the schema that validating for version will read, in the
// background: a run starts it before compiling its rules, so that the two
// overlap. A bad version is left for New to report.
func Preload(version string) {
	if version == "" {
		version = Newest()
	}
	v, err := ParseVersion(version)
	if err != nil {
		return
	}
	go func() { _, _ = load(releaseFor(v)) }()
}

// prepare converts the enums and required fields of s and the schemas below
// it that are not definitions of their own.
func prepare(s *Schema) {
	if s == nil {
		return
	}
	s.requiredTerms = termsOf(s.Required)
	if len(s.Enum) > 0 && s.enum == nil {
		s.enum = make([]ast.Value, 0, len(s.Enum))
		for _, e := range s.Enum {
			if v, err := ast.InterfaceToValue(e); err == nil {
				s.enum = append(s.enum, v)
			}
		}
	}
	for _, p := range s.Properties {
		prepare(p)
	}
	prepare(s.Items)
	prepare(s.AdditionalProperties)
}

func termsOf(keys []string) []*ast.Term {
	if len(keys) == 0 {
		return nil
	}
	out := make([]*ast.Term, len(keys))
	for i, k := range keys {
		out[i] = ast.StringTerm(k)
	}
	return out
}

// link points every $ref of s at its definition, as def returns it.
func link(s *Schema, def func(name string) (*Schema, error)) error {
	if s == nil {
		return nil
	}
	if s.Ref != "" {
		t, err := def(strings.TrimPrefix(s.Ref, "#/definitions/"))
		if err != nil {
			return err
		}
		s.target = t
	}
	for _, p := range s.Properties {
		if err := link(p, def); err != nil {
			return err
		}
	}
	if err := link(s.Items, def); err != nil {
		return err
	}
	return link(s.AdditionalProperties, def)
}
