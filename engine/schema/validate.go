package schema

import (
	"encoding/base64"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"k8s.io/apimachinery/pkg/api/resource"
)

// Code says what kind of problem a Problem is; each is one rule of the
// library (KW-SCH-001…004).
type Code int

const (
	// UnknownField is a field the schema does not have: the server drops it
	// (or refuses it under strict field validation).
	UnknownField Code = iota + 1
	// WrongType is a value of the wrong JSON type.
	WrongType
	// MissingRequired is a required field that is absent.
	MissingRequired
	// InvalidValue is a value of the right type that the server refuses: not
	// one of an enum, a malformed quantity, a port out of range, a bad name.
	InvalidValue
)

// Problem is one way an object does not fit its schema.
type Problem struct {
	Code Code
	// Path is the field's (for MissingRequired, its parent's).
	Path    []any
	Message string
	// Undecodable is set when the value cannot decode into the field's Go
	// type (a wrong type, a malformed quantity): the object the server
	// would build is not the one written. Want and Found say, for a wrong
	// type, what the field takes and what it holds ("a boolean", "a string").
	Undecodable bool
	Want, Found string
}

// Validator validates objects against one Kubernetes release and the CRDs it
// was given. Its methods may be called from several goroutines once every
// CRD is added.
type Validator struct {
	version string // the target, as given
	release string // the embedded release that judges it
	crds    map[string]*crdSchema
	crdKind map[string]bool // group/Kind of every CRD, whatever its versions
}

// New returns a validator for the Kubernetes version ("" = the newest
// embedded).
func New(version string) (*Validator, error) {
	if version == "" {
		version = Newest()
	}
	v, err := ParseVersion(version)
	if err != nil {
		return nil, err
	}
	return &Validator{version: v, release: releaseFor(v), crds: map[string]*crdSchema{}, crdKind: map[string]bool{}}, nil
}

// Release is the embedded release the built-in kinds are judged by.
func (v *Validator) Release() string { return v.release }

// Validate checks obj, of apiVersion and kind. known is false when no schema
// judges that kind (a custom resource whose CRD was not given).
func (v *Validator) Validate(apiVersion, kind string, obj ast.Value) (problems []Problem, known bool, err error) {
	var s *Schema
	crd := v.crds[apiVersion+"/"+kind]
	builtin := crd == nil
	if crd != nil {
		var err error
		if s, err = crd.schema(); err != nil {
			return nil, false, err
		}
	} else {
		r, err := load(v.release)
		if err != nil {
			return nil, false, err
		}
		if name, ok := r.Kinds[apiVersion+"/"+kind]; ok {
			if s, err = r.definition(name); err != nil {
				return nil, false, err
			}
		}
	}
	if s == nil {
		return nil, false, nil
	}
	w := newWalker(builtin)
	w.walk(s, obj)
	w.checkName(kind, obj)
	return w.problems, true, nil
}

// Builtin reports whether apiVersion belongs to a group the API server
// serves itself (the groups of the release's kinds, and extensions): such an
// object with no schema is of a version the release does not serve, which
// the removed-API rule judges, not a custom resource.
func (v *Validator) Builtin(apiVersion string) bool {
	group, _, ok := strings.Cut(apiVersion, "/")
	if !ok {
		return true // core
	}
	if v.crdKind[group] {
		return false
	}
	if group == "extensions" {
		return true
	}
	r, err := load(v.release)
	if err != nil {
		return false
	}
	return r.groups()[group]
}

type walker struct {
	problems []Problem
	// builtin is set for the embedded schemas, whose enums the server
	// defaults when empty.
	builtin bool
	// at is the path of the value being walked: steps, not a []any, so that
	// walking allocates nothing per field; a Problem gets a []any copy.
	at []step
	// schema is the schema of the object whose fields visit walks.
	schema *Schema
	visit  func(k, v *ast.Term)
}

func newWalker(builtin bool) *walker {
	w := &walker{builtin: builtin, at: make([]step, 0, 16)}
	w.visit = w.field
	return w
}

// step is a key, or with index >= 0 a list index.
type step struct {
	key   string
	index int
}

// path is the current path as a Problem holds it.
func (w *walker) path() []any {
	if len(w.at) == 0 {
		return nil
	}
	out := make([]any, len(w.at))
	for i, s := range w.at {
		if s.index >= 0 {
			out[i] = s.index
		} else {
			out[i] = s.key
		}
	}
	return out
}

func (w *walker) push(key string, index int) { w.at = append(w.at, step{key, index}) }
func (w *walker) pop()                       { w.at = w.at[:len(w.at)-1] }

// add records a problem at the current path.
func (w *walker) add(code Code, format string, args ...any) {
	w.addAt(code, w.path(), format, args...)
}

func (w *walker) addAt(code Code, path []any, format string, args ...any) {
	w.problems = append(w.problems, Problem{Code: code, Path: path, Message: fmt.Sprintf(format, args...)})
}

// label is the current field's name as a message shows it.
func (w *walker) label() string { return fieldLabel(w.path()) }

func (w *walker) walk(s *Schema, v ast.Value) {
	s = s.resolved()
	if s == nil {
		return
	}
	if _, null := v.(ast.Null); null {
		return // null is "unset" to the API server
	}
	if s.IntOrString {
		switch x := v.(type) {
		case ast.String:
		case ast.Number:
			if _, ok := x.Int(); !ok {
				w.wrongType("an integer or a string", v)
				return
			}
		default:
			w.wrongType("an integer or a string", v)
			return
		}
		return
	}
	if s.Format == "quantity" {
		w.quantity(v)
		return
	}
	typ := s.Type
	if typ == "" && (s.Properties != nil || s.AdditionalProperties != nil) {
		typ = "object"
	}
	switch typ {
	case "object":
		obj, ok := v.(ast.Object)
		if !ok {
			w.wrongType("a mapping", v)
			return
		}
		w.object(s, obj)
		return
	case "array":
		arr, ok := v.(*ast.Array)
		if !ok {
			w.wrongType("a list", v)
			return
		}
		if s.Items != nil {
			for i := 0; i < arr.Len(); i++ {
				w.push("", i)
				w.walk(s.Items, arr.Elem(i).Value)
				w.pop()
			}
		}
		return
	case "string":
		if _, ok := v.(ast.String); !ok {
			w.wrongType("a string", v)
			return
		}
	case "integer":
		n, ok := v.(ast.Number)
		if !ok {
			w.wrongType("an integer", v)
			return
		}
		if _, ok := n.Int64(); !ok {
			w.wrongType("an integer", v)
			return
		}
	case "number":
		if _, ok := v.(ast.Number); !ok {
			w.wrongType("a number", v)
			return
		}
	case "boolean":
		if _, ok := v.(ast.Boolean); !ok {
			w.wrongType("a boolean", v)
			return
		}
	}
	w.enum(s, v)
	w.format(s, v)
}

func (w *walker) object(s *Schema, obj ast.Object) {
	// Foreach goes through the keys in order, as Keys does, without a copy
	// of them or a lookup of each value; its callback is made once per
	// walker and finds the schema in w.schema.
	outer := w.schema
	w.schema = s
	obj.Foreach(w.visit)
	w.schema = outer
	for i, r := range s.requiredTerms {
		if obj.Get(r) == nil {
			w.add(MissingRequired, "missing required field %q%s", s.Required[i], in(s))
		}
	}
}

// field walks one field of an object of schema w.schema.
func (w *walker) field(k, t *ast.Term) {
	s := w.schema
	key, ok := k.Value.(ast.String)
	if !ok {
		return
	}
	name := string(key)
	if p, ok := s.Properties[name]; ok {
		w.push(name, -1)
		w.walkProperty(p, t.Value)
		w.pop()
		return
	}
	switch {
	case s.AdditionalProperties != nil:
		w.push(name, -1)
		w.walk(s.AdditionalProperties, t.Value)
		w.pop()
	case s.EmbeddedResource && (name == "apiVersion" || name == "kind" || name == "metadata"):
	case s.PreserveUnknown, s.Properties == nil:
		// Free-form (preserve-unknown-fields, RawExtension, a CRD's
		// "type: object" with no properties): any field is kept.
	default:
		w.push(name, -1)
		w.unknown(s, name)
		w.pop()
	}
}

// walkProperty walks one field, with the checks that depend on which
// definition holds it.
func (w *walker) walkProperty(s *Schema, v ast.Value) {
	n := len(w.problems)
	w.walk(s, v)
	// A value of the wrong type has no range or format to check. (s is nil
	// for a CRD's property whose schema is null: anything goes.)
	if s != nil && s.check != nil && len(w.problems) == n {
		s.check(w, v)
	}
}

// in names the definition a field belongs to, for messages.
func in(s *Schema) string {
	if s.name == "" {
		return "" // a CRD's schema names no type
	}
	return " of " + s.name[strings.LastIndex(s.name, ".")+1:]
}

func (w *walker) unknown(s *Schema, name string) {
	candidates := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		candidates = append(candidates, k)
	}
	sort.Strings(candidates)
	if best := closest(name, candidates); best != "" {
		w.add(UnknownField, "unknown field %q%s: did you mean %q?", name, in(s), best)
		return
	}
	w.add(UnknownField, "unknown field %q%s: the API server drops it (or refuses it under strict field validation)", name, in(s))
}

func (w *walker) wrongType(want string, v ast.Value) {
	w.add(WrongType, "%s must be %s, found %s", w.label(), want, describe(v))
	p := &w.problems[len(w.problems)-1]
	p.Undecodable, p.Want, p.Found = true, want, typeOf(v)
}

// typeOf names a value's JSON type.
func typeOf(v ast.Value) string {
	switch v.(type) {
	case ast.String:
		return "a string"
	case ast.Number:
		return "a number"
	case ast.Boolean:
		return "a boolean"
	case *ast.Array:
		return "a list"
	case ast.Object:
		return "a mapping"
	}
	return "null"
}

func (w *walker) enum(s *Schema, v ast.Value) {
	if len(s.enum) == 0 {
		return
	}
	if str, ok := v.(ast.String); ok && str == "" && w.builtin {
		// The built-in enums default an empty string.
		return
	}
	var allowed []string
	for _, ev := range s.enum {
		if ev.Compare(v) == 0 {
			return
		}
		allowed = append(allowed, ev.String())
	}
	w.add(InvalidValue, "%s %s is not one of %s", w.label(), v.String(), strings.Join(allowed, ", "))
}

func (w *walker) format(s *Schema, v ast.Value) {
	if n, ok := v.(ast.Number); ok && s.Format == "int32" {
		if i, ok := n.Int64(); ok && (i < math.MinInt32 || i > math.MaxInt32) {
			w.add(InvalidValue, "%s %s does not fit in 32 bits", w.label(), n.String())
		}
		return
	}
	str, ok := v.(ast.String)
	if !ok {
		return
	}
	switch s.Format {
	case "byte":
		if _, err := base64.StdEncoding.DecodeString(string(str)); err != nil {
			w.add(InvalidValue, "%s must be base64-encoded", w.label())
		}
	}
}

func (w *walker) quantity(v ast.Value) {
	switch x := v.(type) {
	case ast.Number:
	case ast.String:
		if _, err := resource.ParseQuantity(string(x)); err != nil {
			w.add(InvalidValue, "%s %q is not a quantity (like 500m, 1, 256Mi, 1Gi)", w.label(), string(x))
			p := &w.problems[len(w.problems)-1]
			p.Undecodable, p.Want, p.Found = true, "a quantity", fmt.Sprintf("%q", string(x))
		}
	default:
		w.wrongType("a quantity (a string like 256Mi, or a number)", v)
	}
}

// fieldLabel is the field's name as a message shows it.
func fieldLabel(path []any) string {
	for i := len(path) - 1; i >= 0; i-- {
		if s, ok := path[i].(string); ok {
			if i == len(path)-1 {
				return s
			}
			return fmt.Sprintf("%s[%v]", s, path[len(path)-1])
		}
	}
	return "the value"
}

func describe(v ast.Value) string {
	switch x := v.(type) {
	case ast.String:
		return fmt.Sprintf("a string (%q)", string(x))
	case ast.Number:
		return "the number " + x.String()
	case ast.Boolean:
		return "the boolean " + x.String()
	case *ast.Array:
		return "a list"
	case ast.Object:
		return "a mapping"
	}
	return v.String()
}
