package schema

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// IsCRD reports whether an object is a CustomResourceDefinition.
func IsCRD(apiVersion, kind string) bool {
	return kind == "CustomResourceDefinition" &&
		(apiVersion == "apiextensions.k8s.io/v1" || apiVersion == "apiextensions.k8s.io/v1beta1")
}

// crdSchema is the openAPIV3Schema of one version of a CRD, decoded the
// first time a custom resource of that version is validated: a chart
// installs many CRDs and the input holds resources of few of them, and
// decoding a large schema cost more than validating every object.
type crdSchema struct {
	raw  ast.Value
	once sync.Once
	s    *Schema
	err  error
}

func (c *crdSchema) schema() (*Schema, error) {
	c.once.Do(func() {
		c.s, c.err = decodeSchema(c.raw, "openAPIV3Schema")
		if c.s != nil {
			// The server fills in apiVersion, kind and metadata of every
			// custom resource, whatever the schema says of them.
			c.s.EmbeddedResource = true
		}
		c.raw = nil
	})
	return c.s, c.err
}

// AddCRD makes the custom resources a CustomResourceDefinition defines
// validated against its structural schema, version by version. A CRD that
// gives no schema for a version leaves that version unvalidated. Call it
// before any Validate. The schemas are checked here, so that a CRD that
// does not decode is reported as such, and decoded when first used.
func (v *Validator) AddCRD(crd ast.Value) error {
	errf := func(format string, args ...any) error {
		return fmt.Errorf("CustomResourceDefinition: "+format, args...)
	}
	spec, err := objectAt(crd, "spec")
	if err != nil {
		return errf("%v", err)
	}
	group, err := stringAt(spec, "group", "spec.group")
	if err != nil {
		return errf("%v", err)
	}
	names, err := objectAt(spec, "names")
	if err != nil {
		return errf("spec.%v", err)
	}
	kind, err := stringAt(names, "kind", "spec.names.kind")
	if err != nil {
		return errf("%v", err)
	}
	var versions *ast.Array
	switch x := get(spec, "versions").(type) {
	case nil, ast.Null:
	case *ast.Array:
		versions = x
	default:
		return errf("spec.versions must be a list, found %s", typeOf(x))
	}
	// apiextensions.k8s.io/v1beta1: one schema for every version.
	version, err := stringAt(spec, "version", "spec.version")
	if err != nil {
		return errf("%v", err)
	}
	validation, err := objectAt(spec, "validation")
	if err != nil {
		return errf("spec.%v", err)
	}
	common, hasCommon := field(validation, "openAPIV3Schema")
	if group == "" || kind == "" {
		return fmt.Errorf("CustomResourceDefinition without spec.group or spec.names.kind")
	}
	type entry struct {
		name   string
		schema *ast.Object // the version's schema field; nil: none
		raw    ast.Value
		has    bool
	}
	var entries []entry
	if versions != nil {
		for i := 0; i < versions.Len(); i++ {
			ver, ok := versions.Elem(i).Value.(ast.Object)
			if !ok {
				if _, null := versions.Elem(i).Value.(ast.Null); null {
					entries = append(entries, entry{})
					continue
				}
				return errf("spec.versions[%d] must be a mapping, found %s", i, typeOf(versions.Elem(i).Value))
			}
			name, err := stringAt(ver, "name", "name")
			if err != nil {
				return errf("spec.versions[%d].%v", i, err)
			}
			s, err := objectAt(ver, "schema")
			if err != nil {
				return errf("spec.versions[%d].%v", i, err)
			}
			e := entry{name: name}
			if s != nil {
				e.schema = &s
				e.raw, e.has = field(s, "openAPIV3Schema")
			}
			entries = append(entries, e)
		}
	}
	v.crdKind[group] = true
	add := func(version string, raw ast.Value, has bool) error {
		if !has || version == "" {
			return nil
		}
		if err := checkSchema(raw, "openAPIV3Schema"); err != nil {
			return fmt.Errorf("CustomResourceDefinition %s.%s version %s: %w", kind, group, version, err)
		}
		v.crds[group+"/"+version+"/"+kind] = &crdSchema{raw: raw}
		return nil
	}
	for _, e := range entries {
		switch {
		case e.schema != nil:
			if err := add(e.name, e.raw, e.has); err != nil {
				return err
			}
		case validation != nil:
			if err := add(e.name, common, hasCommon); err != nil {
				return err
			}
		}
	}
	if len(entries) == 0 && validation != nil {
		return add(version, common, hasCommon)
	}
	return nil
}

// Terms of the keys AddCRD and the schema decoder read.
var (
	termType                 = ast.StringTerm("type")
	termFormat               = ast.StringTerm("format")
	termRef                  = ast.StringTerm("$ref")
	termProperties           = ast.StringTerm("properties")
	termItems                = ast.StringTerm("items")
	termAdditionalProperties = ast.StringTerm("additionalProperties")
	termRequired             = ast.StringTerm("required")
	termEnum                 = ast.StringTerm("enum")
	termNullable             = ast.StringTerm("nullable")
	termIntOrString          = ast.StringTerm("x-kubernetes-int-or-string")
	termPreserveUnknown      = ast.StringTerm("x-kubernetes-preserve-unknown-fields")
	termEmbeddedResource     = ast.StringTerm("x-kubernetes-embedded-resource")
)

// crdKeys are the terms of the keys AddCRD reads.
var crdKeys = func() map[string]*ast.Term {
	out := map[string]*ast.Term{}
	for _, k := range []string{"spec", "group", "names", "kind", "versions", "version", "validation", "name", "schema", "openAPIV3Schema"} {
		out[k] = ast.StringTerm(k)
	}
	return out
}()

// get is obj[key], nil when obj is nil or has no such key.
func get(obj ast.Object, key string) ast.Value {
	if obj == nil {
		return nil
	}
	t := crdKeys[key]
	if t == nil {
		t = ast.StringTerm(key)
	}
	if t := obj.Get(t); t != nil {
		return t.Value
	}
	return nil
}

// field is obj[key] and whether it is there.
func field(obj ast.Object, key string) (ast.Value, bool) {
	v := get(obj, key)
	return v, v != nil
}

// objectAt is the mapping obj[key]: nil when absent or null.
func objectAt(obj ast.Value, key string) (ast.Object, error) {
	o, _ := obj.(ast.Object)
	switch x := get(o, key).(type) {
	case nil, ast.Null:
		return nil, nil
	case ast.Object:
		return x, nil
	default:
		return nil, fmt.Errorf("%s must be a mapping, found %s", key, typeOf(x))
	}
}

// stringAt is the string obj[key]: "" when absent or null.
func stringAt(obj ast.Object, key, label string) (string, error) {
	switch x := get(obj, key).(type) {
	case nil, ast.Null:
		return "", nil
	case ast.String:
		return string(x), nil
	default:
		return "", fmt.Errorf("%s must be a string, found %s", label, typeOf(x))
	}
}

// checkSchema reports what keeps v from decoding into a Schema, allocating
// nothing when it decodes; decodeSchema then cannot fail.
func checkSchema(v ast.Value, at string) error {
	if _, err := schemaOf(v, false); err != nil {
		err.at = at + err.at
		return err
	}
	return nil
}

// decodeSchema decodes an OpenAPI v3 schema written as a Rego value (a CRD's
// openAPIV3Schema) as encoding/json decodes the same JSON into a Schema: a
// null is the zero value, keys Schema has no field for are ignored. Unlike
// encoding/json it matches keys by case, as the API server does.
func decodeSchema(v ast.Value, at string) (*Schema, error) {
	s, err := schemaOf(v, true)
	if err != nil {
		err.at = at + err.at
		return nil, err
	}
	return s, nil
}

// decodeError says where a schema does not decode; at is built as the
// error goes up, so that a schema that decodes costs no paths.
type decodeError struct {
	at, msg string
}

func (e *decodeError) Error() string { return e.at + " " + e.msg }

func wrongType(at, want string, v ast.Value) *decodeError {
	return &decodeError{at: at, msg: "must be " + want + ", found " + typeOf(v)}
}

// schemaOf checks v, and when build is set returns its Schema.
func schemaOf(v ast.Value, build bool) (*Schema, *decodeError) {
	obj, ok := v.(ast.Object)
	if !ok {
		if _, null := v.(ast.Null); null {
			if build {
				return &Schema{}, nil
			}
			return nil, nil
		}
		return nil, wrongType("", "a mapping", v)
	}
	var s Schema
	if err := readString(obj, termType, &s.Type); err != nil {
		return nil, err
	}
	if err := readString(obj, termFormat, &s.Format); err != nil {
		return nil, err
	}
	if err := readString(obj, termRef, &s.Ref); err != nil {
		return nil, err
	}
	if err := readBool(obj, termNullable, &s.Nullable); err != nil {
		return nil, err
	}
	if err := readBool(obj, termIntOrString, &s.IntOrString); err != nil {
		return nil, err
	}
	if err := readBool(obj, termPreserveUnknown, &s.PreserveUnknown); err != nil {
		return nil, err
	}
	if err := readBool(obj, termEmbeddedResource, &s.EmbeddedResource); err != nil {
		return nil, err
	}
	if x := obj.Get(termProperties); x != nil {
		switch props := x.Value.(type) {
		case ast.Null:
		case ast.Object:
			// The callback captures no Schema: a check then allocates none.
			var m map[string]*Schema
			if build {
				m = make(map[string]*Schema, props.Len())
			}
			var err *decodeError
			props.Until(func(k, pv *ast.Term) bool {
				name, _ := k.Value.(ast.String) // keys read from YAML or JSON are strings
				var p *Schema
				if _, null := pv.Value.(ast.Null); !null {
					if p, err = schemaOf(pv.Value, build); err != nil {
						err.at = ".properties." + string(name) + err.at
						return true
					}
				}
				if m != nil {
					m[string(name)] = p
				}
				return false
			})
			if err != nil {
				return nil, err
			}
			s.Properties = m
		default:
			return nil, wrongType(".properties", "a mapping", props)
		}
	}
	if x := obj.Get(termItems); x != nil {
		if _, null := x.Value.(ast.Null); !null {
			items, err := schemaOf(x.Value, build)
			if err != nil {
				err.at = ".items" + err.at
				return nil, err
			}
			s.Items = items
		}
	}
	if x := obj.Get(termAdditionalProperties); x != nil {
		switch ap := x.Value.(type) {
		case ast.Null:
		case ast.Boolean:
			if bool(ap) && build {
				s.AdditionalProperties = &Schema{}
			}
		default:
			p, err := schemaOf(ap, build)
			if err != nil {
				err.at = ".additionalProperties" + err.at
				return nil, err
			}
			s.AdditionalProperties = p
		}
	}
	if x := obj.Get(termRequired); x != nil {
		switch req := x.Value.(type) {
		case ast.Null:
		case *ast.Array:
			if build {
				s.Required = make([]string, req.Len())
			}
			for i := 0; i < req.Len(); i++ {
				switch r := req.Elem(i).Value.(type) {
				case ast.Null:
				case ast.String:
					if build {
						s.Required[i] = string(r)
					}
				default:
					return nil, wrongType(".required["+strconv.Itoa(i)+"]", "a string", r)
				}
			}
		default:
			return nil, wrongType(".required", "a list", req)
		}
	}
	if x := obj.Get(termEnum); x != nil {
		switch enum := x.Value.(type) {
		case ast.Null:
		case *ast.Array:
			if build {
				s.enum = make([]ast.Value, enum.Len())
				for i := range s.enum {
					s.enum[i] = jsonValue(enum.Elem(i).Value)
				}
			}
		default:
			return nil, wrongType(".enum", "a list", enum)
		}
	}
	if !build {
		return nil, nil
	}
	s.requiredTerms = termsOf(s.Required)
	out := new(Schema)
	*out = s
	return out, nil
}

// readString sets *dst to the string obj[key], if there is one.
func readString(obj ast.Object, key *ast.Term, dst *string) *decodeError {
	x := obj.Get(key)
	if x == nil {
		return nil
	}
	switch val := x.Value.(type) {
	case ast.Null:
	case ast.String:
		*dst = string(val)
	default:
		return wrongType("."+string(key.Value.(ast.String)), "a string", val)
	}
	return nil
}

// readBool sets *dst to the boolean obj[key], if there is one.
func readBool(obj ast.Object, key *ast.Term, dst *bool) *decodeError {
	x := obj.Get(key)
	if x == nil {
		return nil
	}
	switch val := x.Value.(type) {
	case ast.Null:
	case ast.Boolean:
		*dst = bool(val)
	default:
		return wrongType("."+string(key.Value.(ast.String)), "a boolean", val)
	}
	return nil
}

// jsonValue is v as it was when CRDs were decoded from JSON: numbers went
// through float64.
func jsonValue(v ast.Value) ast.Value {
	switch x := v.(type) {
	case ast.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return x
		}
		if out, err := ast.InterfaceToValue(f); err == nil {
			return out
		}
		return x
	case *ast.Array:
		terms := make([]*ast.Term, x.Len())
		for i := range terms {
			terms[i] = ast.NewTerm(jsonValue(x.Elem(i).Value))
		}
		return ast.NewArray(terms...)
	case ast.Object:
		out := ast.NewObjectWithCapacity(x.Len())
		x.Foreach(func(k, val *ast.Term) {
			out.Insert(k, ast.NewTerm(jsonValue(val.Value)))
		})
		return out
	}
	return v
}
