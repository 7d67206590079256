package fastyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// reference decodes text as parseChunks does without the fast path: the
// documents yaml.v3 reads before EOF or its first error.
func reference(text []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var docs []*yaml.Node
	for {
		var root yaml.Node
		err := dec.Decode(&root)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		docs = append(docs, &root)
	}
}

// differs returns why the fast path's answer for text is not yaml.v3's, or
// "" when it declined or built the same tree.
func differs(text []byte) string {
	got, ok := Parse(text)
	if !ok {
		return ""
	}
	want, err := reference(text)
	switch {
	case err != nil:
		return fmt.Sprintf("accepted text yaml.v3 rejects: %v", err)
	case len(want) != 1:
		return fmt.Sprintf("accepted text that yaml.v3 reads as %d documents", len(want))
	}
	return sameNode(got, want[0], "$")
}

// sameNode compares what engine/load reads of a node: kind, tag, value,
// position, style and children. Comments are not read, so not compared.
func sameNode(got, want *yaml.Node, path string) string {
	switch {
	case got.Kind != want.Kind:
		return fmt.Sprintf("%s: kind %v, yaml.v3 %v", path, got.Kind, want.Kind)
	case got.Tag != want.Tag || got.ShortTag() != want.ShortTag():
		return fmt.Sprintf("%s: tag %q, yaml.v3 %q", path, got.Tag, want.Tag)
	case got.Value != want.Value:
		return fmt.Sprintf("%s: value %q, yaml.v3 %q", path, got.Value, want.Value)
	case got.Line != want.Line || got.Column != want.Column:
		return fmt.Sprintf("%s: at %d:%d, yaml.v3 %d:%d", path, got.Line, got.Column, want.Line, want.Column)
	case got.Style != want.Style:
		return fmt.Sprintf("%s: style %v, yaml.v3 %v", path, got.Style, want.Style)
	case got.Anchor != want.Anchor || got.Alias != nil || want.Alias != nil:
		return fmt.Sprintf("%s: anchor or alias", path)
	case len(got.Content) != len(want.Content):
		return fmt.Sprintf("%s: %d children, yaml.v3 %d", path, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := sameNode(got.Content[i], want.Content[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// chunks cuts a stream at "---" lines as engine/load's splitDocuments does,
// each chunk keeping its separator line.
func chunks(data []byte) [][]byte {
	var out [][]byte
	start := 0
	for pos := 0; pos < len(data); {
		next := len(data)
		if end := bytes.IndexByte(data[pos:], '\n'); end >= 0 {
			next = pos + end + 1
		}
		l := data[pos:next]
		if pos > start && bytes.HasPrefix(l, []byte("---")) &&
			(len(l) == 3 || strings.IndexByte(" \t\n\r", l[3]) >= 0) {
			out = append(out, data[start:pos])
			start = pos
		}
		pos = next
	}
	return append(out, data[start:])
}
