package load

import (
	"bytes"
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

// helmTemplate returns the template named by the "# Source:" comment that
// `helm template` writes before each document: the first line that starts
// with "#", blanks, "Source:", blanks and a name (the blanks may span
// lines, as \s in the pattern ^#\s*Source:\s*(\S.*?)\s*$ that it
// implements does). A scan, not that regular expression: it ran for every
// document of every chart.
func helmTemplate(text []byte) string {
	if !bytes.Contains(text, []byte("Source:")) {
		return ""
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '#' || (i > 0 && text[i-1] != '\n') {
			continue
		}
		j := skipBlanks(text, i+1)
		if !bytes.HasPrefix(text[j:], []byte("Source:")) {
			continue
		}
		j = skipBlanks(text, j+len("Source:"))
		if j == len(text) {
			continue
		}
		end := bytes.IndexByte(text[j:], '\n')
		if end < 0 {
			end = len(text) - j
		}
		return strings.TrimSpace(string(text[j : j+end]))
	}
	return ""
}

// skipBlanks returns the first index from i of a byte that is not one of
// regexp's \s (space, \t, \n, \f, \r).
func skipBlanks(text []byte, i int) int {
	for i < len(text) {
		switch text[i] {
		case ' ', '\t', '\n', '\f', '\r':
			i++
		default:
			return i
		}
	}
	return i
}
