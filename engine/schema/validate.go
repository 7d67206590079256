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
	crds    map[string]*Schema
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
	return &Validator{version: v, release: releaseFor(v), crds: map[string]*Schema{}, crdKind: map[string]bool{}}, nil
}

// Release is the embedded release the built-in kinds are judged by.
func (v *Validator) Release() string { return v.release }

// Validate checks obj, of apiVersion and kind. known is false when no schema
// judges that kind (a custom resource whose CRD was not given).
func (v *Validator) Validate(apiVersion, kind string, obj ast.Value) (problems []Problem, known bool, err error) {
	s := v.crds[apiVersion+"/"+kind]
	builtin := s == nil
	if s == nil {
		r, err := load(v.release)
		if err != nil {
			return nil, false, err
		}
		if name, ok := r.Kinds[apiVersion+"/"+kind]; ok {
			s = r.Definitions[name]
		}
	}
	if s == nil {
		return nil, false, nil
	}
	w := walker{builtin: builtin}
	w.walk(s, obj, nil)
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
}

func (w *walker) add(code Code, path []any, format string, args ...any) {
	w.problems = append(w.problems, Problem{Code: code, Path: append([]any(nil), path...), Message: fmt.Sprintf(format, args...)})
}

func child(path []any, step any) []any {
	return append(path[:len(path):len(path)], step)
}

func (w *walker) walk(s *Schema, v ast.Value, path []any) {
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
				w.wrongType(path, "an integer or a string", v)
				return
			}
		default:
			w.wrongType(path, "an integer or a string", v)
			return
		}
		return
	}
	if s.Format == "quantity" {
		w.quantity(v, path)
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
			w.wrongType(path, "a mapping", v)
			return
		}
		w.object(s, obj, path)
		return
	case "array":
		arr, ok := v.(*ast.Array)
		if !ok {
			w.wrongType(path, "a list", v)
			return
		}
		if s.Items != nil {
			for i := 0; i < arr.Len(); i++ {
				w.walk(s.Items, arr.Elem(i).Value, child(path, i))
			}
		}
		return
	case "string":
		if _, ok := v.(ast.String); !ok {
			w.wrongType(path, "a string", v)
			return
		}
	case "integer":
		n, ok := v.(ast.Number)
		if !ok {
			w.wrongType(path, "an integer", v)
			return
		}
		if _, ok := n.Int64(); !ok {
			w.wrongType(path, "an integer", v)
			return
		}
	case "number":
		if _, ok := v.(ast.Number); !ok {
			w.wrongType(path, "a number", v)
			return
		}
	case "boolean":
		if _, ok := v.(ast.Boolean); !ok {
			w.wrongType(path, "a boolean", v)
			return
		}
	}
	w.enum(s, v, path)
	w.format(s, v, path)
}

func (w *walker) object(s *Schema, obj ast.Object, path []any) {
	keys := obj.Keys()
	for _, k := range keys {
		key, ok := k.Value.(ast.String)
		if !ok {
			continue
		}
		name := string(key)
		val := obj.Get(k).Value
		if p, ok := s.Properties[name]; ok {
			w.walkProperty(p, val, child(path, name))
			continue
		}
		switch {
		case s.AdditionalProperties != nil:
			w.walk(s.AdditionalProperties, val, child(path, name))
		case s.EmbeddedResource && (name == "apiVersion" || name == "kind" || name == "metadata"):
		case s.PreserveUnknown, s.Properties == nil:
			// Free-form (preserve-unknown-fields, RawExtension, a CRD's
			// "type: object" with no properties): any field is kept.
		default:
			w.unknown(s, name, child(path, name))
		}
	}
	for _, r := range s.Required {
		if obj.Get(ast.StringTerm(r)) == nil {
			w.add(MissingRequired, path, "missing required field %q%s", r, in(s, path))
		}
	}
}

// walkProperty walks one field, with the checks that depend on which
// definition holds it.
func (w *walker) walkProperty(s *Schema, v ast.Value, path []any) {
	n := len(w.problems)
	w.walk(s, v, path)
	// A value of the wrong type has no range or format to check.
	if s.check != nil && len(w.problems) == n {
		s.check(w, v, path)
	}
}

// in names the definition a field belongs to, for messages.
func in(s *Schema, path []any) string {
	if s.name == "" {
		return "" // a CRD's schema names no type
	}
	return " of " + s.name[strings.LastIndex(s.name, ".")+1:]
}

func (w *walker) unknown(s *Schema, name string, path []any) {
	candidates := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		candidates = append(candidates, k)
	}
	sort.Strings(candidates)
	if best := closest(name, candidates); best != "" {
		w.add(UnknownField, path, "unknown field %q%s: did you mean %q?", name, in(s, path), best)
		return
	}
	w.add(UnknownField, path, "unknown field %q%s: the API server drops it (or refuses it under strict field validation)", name, in(s, path))
}

func (w *walker) wrongType(path []any, want string, v ast.Value) {
	w.add(WrongType, path, "%s must be %s, found %s", fieldLabel(path), want, describe(v))
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

func (w *walker) enum(s *Schema, v ast.Value, path []any) {
	if len(s.Enum) == 0 {
		return
	}
	if str, ok := v.(ast.String); ok && str == "" && w.builtin {
		// The built-in enums default an empty string.
		return
	}
	var allowed []string
	for _, e := range s.Enum {
		ev, err := ast.InterfaceToValue(e)
		if err != nil {
			continue
		}
		if ev.Compare(v) == 0 {
			return
		}
		allowed = append(allowed, ev.String())
	}
	w.add(InvalidValue, path, "%s %s is not one of %s", fieldLabel(path), v.String(), strings.Join(allowed, ", "))
}

func (w *walker) format(s *Schema, v ast.Value, path []any) {
	if n, ok := v.(ast.Number); ok && s.Format == "int32" {
		if i, ok := n.Int64(); ok && (i < math.MinInt32 || i > math.MaxInt32) {
			w.add(InvalidValue, path, "%s %s does not fit in 32 bits", fieldLabel(path), n.String())
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
			w.add(InvalidValue, path, "%s must be base64-encoded", fieldLabel(path))
		}
	}
}

func (w *walker) quantity(v ast.Value, path []any) {
	switch x := v.(type) {
	case ast.Number:
	case ast.String:
		if _, err := resource.ParseQuantity(string(x)); err != nil {
			w.add(InvalidValue, path, "%s %q is not a quantity (like 500m, 1, 256Mi, 1Gi)", fieldLabel(path), string(x))
			p := &w.problems[len(w.problems)-1]
			p.Undecodable, p.Want, p.Found = true, "a quantity", fmt.Sprintf("%q", string(x))
		}
	default:
		w.wrongType(path, "a quantity (a string like 256Mi, or a number)", v)
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
