package schema

import (
	"encoding/json"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// IsCRD reports whether an object is a CustomResourceDefinition.
func IsCRD(apiVersion, kind string) bool {
	return kind == "CustomResourceDefinition" &&
		(apiVersion == "apiextensions.k8s.io/v1" || apiVersion == "apiextensions.k8s.io/v1beta1")
}

// AddCRD makes the custom resources a CustomResourceDefinition defines
// validated against its structural schema, version by version. A CRD that
// gives no schema for a version leaves that version unvalidated. Call it
// before any Validate.
func (v *Validator) AddCRD(crd ast.Value) error {
	var def struct {
		Spec struct {
			Group string `json:"group"`
			Names struct {
				Kind string `json:"kind"`
			} `json:"names"`
			Versions []struct {
				Name   string `json:"name"`
				Schema *struct {
					OpenAPIV3Schema json.RawMessage `json:"openAPIV3Schema"`
				} `json:"schema"`
			} `json:"versions"`
			// apiextensions.k8s.io/v1beta1: one schema for every version.
			Version    string `json:"version"`
			Validation *struct {
				OpenAPIV3Schema json.RawMessage `json:"openAPIV3Schema"`
			} `json:"validation"`
		} `json:"spec"`
	}
	js, err := ast.JSON(crd)
	if err != nil {
		return err
	}
	b, err := json.Marshal(js)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &def); err != nil {
		return fmt.Errorf("CustomResourceDefinition: %w", err)
	}
	s := def.Spec
	if s.Group == "" || s.Names.Kind == "" {
		return fmt.Errorf("CustomResourceDefinition without spec.group or spec.names.kind")
	}
	v.crdKind[s.Group] = true
	add := func(version string, raw json.RawMessage) error {
		if len(raw) == 0 || version == "" {
			return nil
		}
		root := &Schema{}
		if err := json.Unmarshal(raw, root); err != nil {
			return fmt.Errorf("CustomResourceDefinition %s.%s version %s: openAPIV3Schema: %w", s.Names.Kind, s.Group, version, err)
		}
		// The server fills in apiVersion, kind and metadata of every custom
		// resource, whatever the schema says of them.
		root.EmbeddedResource = true
		v.crds[s.Group+"/"+version+"/"+s.Names.Kind] = root
		return nil
	}
	for _, ver := range s.Versions {
		switch {
		case ver.Schema != nil:
			if err := add(ver.Name, ver.Schema.OpenAPIV3Schema); err != nil {
				return err
			}
		case s.Validation != nil:
			if err := add(ver.Name, s.Validation.OpenAPIV3Schema); err != nil {
				return err
			}
		}
	}
	if len(s.Versions) == 0 && s.Validation != nil {
		return add(s.Version, s.Validation.OpenAPIV3Schema)
	}
	return nil
}
