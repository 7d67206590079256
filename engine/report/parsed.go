package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	yaml "go.yaml.in/yaml/v3"

	"github.com/kubeward/kubeward/engine/load"
)

// ParsedFormats are the formats of `kubeward parse`.
var ParsedFormats = []string{"yaml", "json"}

// parsedObject is one object as `kubeward parse` shows it: where it starts
// and what rules receive as input.
type parsedObject struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column,omitempty"`
	Document int    `json:"document"`
	// Item is the index in a List's items, absent for other objects.
	Item *int `json:"item,omitempty"`
	// Template is the chart template the object was rendered from.
	Template string `json:"template,omitempty"`
	Object   any    `json:"object"`
	// Positions are where each field is written, by path (--positions).
	Positions map[string]parsedPosition `json:"positions,omitempty"`
}

type parsedPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

// WriteParsed writes objects as rules receive them, with where each starts
// and, with positions, where each of its fields is: a list in YAML or JSON.
func WriteParsed(w io.Writer, format string, objs []*load.Object, positions bool) error {
	out := make([]parsedObject, 0, len(objs))
	for _, o := range objs {
		v, err := ast.JSON(o.Value)
		if err != nil {
			return fmt.Errorf("%s: %w", o.Source.File, err)
		}
		start := o.Start()
		p := parsedObject{File: o.Source.File, Line: start.Line, Column: start.Column,
			Document: o.Source.Document, Template: o.Source.Template, Object: v}
		if o.Source.Item >= 0 {
			item := o.Source.Item
			p.Item = &item
		}
		if positions {
			p.Positions = map[string]parsedPosition{}
			for _, f := range o.Fields() {
				p.Positions[f.Path] = parsedPosition{Line: f.Line, Column: f.Column}
			}
		}
		out = append(out, p)
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "yaml":
		return writeYAML(w, out)
	}
	return fmt.Errorf("unknown format %q (one of yaml, json)", format)
}

// writeYAML writes v in block style with JSON's key order (where, then
// what): the JSON document is read as YAML, which keeps its order, and its
// flow style is dropped.
func writeYAML(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return err
	}
	blockStyle(&doc)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	return enc.Close()
}

// yaml11Bool are the words YAML 1.1 readers (Kubernetes' own) take for
// booleans: such a string stays quoted.
var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true}

func blockStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style = 0
		if isPosition(n) {
			n.Style = yaml.FlowStyle // {line: 7, column: 5}: one line per field
		}
	}
	if n.Kind == yaml.ScalarNode && n.Style == yaml.DoubleQuotedStyle && n.Tag == "!!str" && !yaml11Bool[strings.ToLower(n.Value)] {
		// Quoted only where YAML needs it, as a manifest is written (the
		// encoder quotes what YAML 1.2 would read as another type).
		n.Style = 0
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// isPosition reports whether n is a parsedPosition: a mapping of line and
// column only.
func isPosition(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "line" && k != "column" || n.Content[i+1].Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}
