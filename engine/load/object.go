// Package load turns files, folders and streams into Kubernetes objects that
// remember where every field came from.
package load

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// Source says where an object was read from.
type Source struct {
	// File is the path as given (or found under a given folder); "-" for stdin.
	File string
	// Document is the 0-based index of the YAML document in File.
	Document int
	// Item is the 0-based index in the items of a List, or -1.
	Item int
	// Template is the chart template named by a Helm "# Source:" comment, if any.
	Template string
}

// OwnerRef identifies a controller that owns an object.
type OwnerRef struct {
	APIVersion, Kind, Name, UID string
}

// Object is one Kubernetes object of the input.
type Object struct {
	APIVersion string
	Kind       string
	Namespace  string // as written ("" when unset); the engine sets the one the API server would give (engine.NamespaceOf)
	Name       string
	UID        string
	// Controller is the ownerReference with controller: true, if any.
	Controller *OwnerRef
	// Value is what rules see as input: the object minus live-cluster noise.
	Value  ast.Value
	Source Source
	// Partial says that Value is a projection of the object (Projected): the
	// whole object is read again from Source.File (ReadFile) to be evaluated.
	Partial bool

	pos        *positions // of the object's document
	root       int32      // the object's mapping in pos
	line, col  int32      // where the object's mapping starts in its document
	lineOffset int        // lines before the document in its file
	// chunk is the index of the object's document among the file's "---"
	// pieces, chunkDoc the number of documents before that piece (ReadAgain).
	chunk, chunkDoc int
	lineMap         func(int) int
	posMap          func(Position) Position
	locate          func(path []any) Position // see Locate
	// walkDir is the folder a walk found the file in ("" for a file given),
	// walkRel the file's path below it: ReadAgain reads it through that
	// folder again.
	walkDir, walkRel string
}

// Projected returns a copy of o that keeps v, a projection of o's Value, and
// nothing of o's positions: what is kept of an object of a large input until
// it is read again.
func (o *Object) Projected(v ast.Value) *Object {
	return &Object{
		APIVersion: o.APIVersion, Kind: o.Kind, Namespace: o.Namespace, Name: o.Name, UID: o.UID,
		Controller: o.Controller, Value: v, Source: o.Source, Partial: true,
		chunk: o.chunk, chunkDoc: o.chunkDoc, walkDir: o.walkDir, walkRel: o.walkRel,
	}
}

// MapLines makes positions go through f: a renderer whose output is not the
// file it names (a Helm template, a kustomize resource) gives the line of the
// source that produced each output line, or 0 when it cannot tell.
func (o *Object) MapLines(f func(line int) int) { o.lineMap = f }

// MapPositions makes positions go through f, which knows the line and
// column of the source that produced each output position (a Helm template
// whose output carries its origin); it takes precedence over MapLines.
func (o *Object) MapPositions(f func(Position) Position) { o.posMap = f }

func (o *Object) mapLine(line int) int {
	if o.lineMap == nil || line == 0 {
		return line
	}
	return o.lineMap(line)
}

// Ref names an object the way reports do.
type Ref struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Namespace  string `json:"namespace"`
	Name       string `json:"name"`
}

// Ref returns the object's identity.
func (o *Object) Ref() Ref {
	return Ref{APIVersion: o.APIVersion, Kind: o.Kind, Namespace: o.Namespace, Name: o.Name}
}
