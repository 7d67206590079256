package load

import (
	"bytes"
	"regexp"
	"strings"
)

// chunk is one YAML document of a stream, with the number of lines before it.
type chunk struct {
	text       []byte
	lineOffset int
}

// splitDocuments cuts a YAML stream at "---" lines, as kubectl does, so that a
// broken document does not hide the ones after it. Each chunk keeps its
// separator line so that line numbers stay those of the file.
func splitDocuments(data []byte) []chunk {
	var out []chunk
	start, startLine, line := 0, 0, 0
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		next := len(data)
		if end >= 0 {
			next = pos + end + 1
		}
		if pos > start && isSeparator(data[pos:next]) {
			out = append(out, chunk{text: data[start:pos], lineOffset: startLine})
			start, startLine = pos, line
		}
		pos = next
		line++
	}
	out = append(out, chunk{text: data[start:], lineOffset: startLine})
	return out
}

func isSeparator(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("---")) {
		return false
	}
	rest := line[3:]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'
}

var helmSource = regexp.MustCompile(`(?m)^#\s*Source:\s*(\S.*?)\s*$`)

// helmTemplate returns the template named by the "# Source:" comment that
// `helm template` writes before each document.
func helmTemplate(text []byte) string {
	if !bytes.Contains(text, []byte("Source:")) {
		return ""
	}
	m := helmSource.FindSubmatch(text)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(string(m[1]))
}
