// Package validate checks that objects decode into their Kubernetes API
// types. A manifest the API server would refuse for a wrong field type
// (privileged: "yes", containers as a map) is reported as invalid, with the
// line of the field, instead of being evaluated as if the field were unset.
package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/kubeward/kubeward/engine/load"
)

// types are the kinds validated: those whose pod spec the rules read field by
// field. Other kinds are evaluated as written.
var types = map[string]func() any{
	"Pod":                   func() any { return &corev1.Pod{} },
	"PodTemplate":           func() any { return &corev1.PodTemplate{} },
	"ReplicationController": func() any { return &corev1.ReplicationController{} },
	"Deployment":            func() any { return &appsv1.Deployment{} },
	"ReplicaSet":            func() any { return &appsv1.ReplicaSet{} },
	"StatefulSet":           func() any { return &appsv1.StatefulSet{} },
	"DaemonSet":             func() any { return &appsv1.DaemonSet{} },
	"Job":                   func() any { return &batchv1.Job{} },
	"CronJob":               func() any { return &batchv1.CronJob{} },
}

// Object returns an error at the offending field when o does not decode into
// its API type, or nil.
func Object(o *load.Object) *load.Error {
	mk, ok := types[o.Kind]
	if !ok {
		return nil
	}
	doc, err := ast.JSON(o.Value)
	if err != nil {
		return nil // not representable as JSON: the loader already refused such input
	}
	js, err := json.Marshal(doc)
	if err != nil {
		return nil
	}
	err = json.Unmarshal(js, mk())
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return nil
	}
	field := jsonPath(te.Field)
	path, found := locate(o.Value, strings.Split(field, "."), te.Type)
	pos := o.Start()
	if len(path) > 0 {
		pos = o.Position(path)
	}
	msg := fmt.Sprintf("invalid %s: %s must be %s, found %s", o.Kind, fieldName(field, path, found),
		describeType(te.Type), describeJSON(te.Value))
	file := o.Source.File
	if pos.File != "" {
		file = pos.File
	}
	return &load.Error{File: file, Line: pos.Line, Column: pos.Column, Message: msg}
}

// jsonPath drops the Go names of embedded structs (VolumeSource,
// ObjectMeta…) that encoding/json puts in its field paths: JSON keys of the
// Kubernetes API never start with a capital letter.
func jsonPath(field string) string {
	parts := strings.Split(field, ".")
	out := parts[:0]
	for _, p := range parts {
		if p != "" && p[0] >= 'A' && p[0] <= 'Z' {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ".")
}

func fieldName(field string, path []any, found bool) string {
	if found {
		return load.FormatPath(path)
	}
	return field
}

// locate finds the first value along field (JSON names without list indexes,
// as encoding/json reports them) whose type does not fit want, and returns
// its full path.
func locate(v ast.Value, field []string, want reflect.Type) ([]any, bool) {
	if len(field) == 0 || (len(field) == 1 && field[0] == "") {
		return nil, !fits(v, want)
	}
	switch x := v.(type) {
	case ast.Object:
		t := x.Get(ast.StringTerm(field[0]))
		if t == nil {
			return nil, false
		}
		if len(field) == 1 {
			if fits(t.Value, want) {
				return nil, false
			}
			return []any{field[0]}, true
		}
		if arr, ok := t.Value.(*ast.Array); ok {
			for i := 0; i < arr.Len(); i++ {
				if p, ok := locate(arr.Elem(i).Value, field[1:], want); ok {
					return append([]any{field[0], i}, p...), true
				}
			}
		}
		if p, ok := locate(t.Value, field[1:], want); ok {
			return append([]any{field[0]}, p...), true
		}
	case *ast.Array:
		for i := 0; i < x.Len(); i++ {
			if p, ok := locate(x.Elem(i).Value, field, want); ok {
				return append([]any{i}, p...), true
			}
		}
	}
	return nil, false
}

// fits reports whether a JSON value could decode into a Go type.
func fits(v ast.Value, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if _, null := v.(ast.Null); null {
		return true
	}
	if t.Implements(reflect.TypeFor[json.Unmarshaler]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]()) {
		return false // custom decoders (quantities, int-or-string) report their own errors
	}
	switch v.(type) {
	case ast.String:
		return t.Kind() == reflect.String
	case ast.Boolean:
		return t.Kind() == reflect.Bool
	case ast.Number:
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			return true
		}
		return false
	case *ast.Array:
		return t.Kind() == reflect.Slice || t.Kind() == reflect.Array
	case ast.Object:
		return t.Kind() == reflect.Struct || t.Kind() == reflect.Map
	}
	return false
}

func describeType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "a mapping"
	}
	return "a " + t.String()
}

func describeJSON(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "number", "number -1":
		return "a number"
	case "bool":
		return "a boolean"
	case "array":
		return "a list"
	case "object":
		return "a mapping"
	}
	if strings.HasPrefix(kind, "number") {
		return "the number " + strings.TrimPrefix(kind, "number ")
	}
	return kind
}
