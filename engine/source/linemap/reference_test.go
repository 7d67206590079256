package linemap

// The alignment as it was before it was made linear (quadratic in the
// number of unaligned lines, a comparison costing a line's length), kept as
// the reference the linear one must agree with.

import "strings"

const refMaxCells = 4_000_000

// Align returns f(outLine) = srcLine (both 1-based; 0 when unknown).
func refAlign(src, out string) func(int) int {
	s := strings.Split(src, "\n")
	o := strings.Split(out, "\n")
	pair := make([]int, len(o)) // out index -> src index + 1, 0 unmatched
	if len(s)*len(o) <= refMaxCells {
		refLCS(s, o, pair)
	} else {
		refGreedy(s, o, pair)
	}
	resolved := make([]int, len(o))
	for i := range o {
		if pair[i] != 0 {
			resolved[i] = pair[i]
			continue
		}
		prev, parent := 0, 0 // src lines of the aligned out line above, and of its parent
		for k := i - 1; k >= 0; k-- {
			if pair[k] == 0 {
				continue
			}
			if prev == 0 {
				prev = pair[k]
			}
			if refIndent(o[k]) < refIndent(o[i]) {
				parent = pair[k]
				break
			}
		}
		next := len(s) + 1
		for k := i + 1; k < len(o); k++ {
			if pair[k] != 0 {
				next = pair[k]
				break
			}
		}
		resolved[i] = parent
		if parent == 0 {
			resolved[i] = prev
		}
		for j := prev; j < next-1 && j < len(s); j++ { // s[j] is line j+1
			if strings.Contains(s[j], "{{") && !refIsControl(s[j]) {
				resolved[i] = j + 1
				break
			}
		}
	}
	return func(line int) int {
		if line < 1 || line > len(resolved) {
			return 0
		}
		return resolved[line-1]
	}
}

// isControl is a template line that writes nothing itself ({{- if }}, {{ end }}).
func refIsControl(line string) bool {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "{{") || !strings.HasSuffix(t, "}}") || strings.Count(t, "{{") != 1 {
		return false
	}
	inner := strings.TrimSpace(strings.Trim(strings.Trim(t, "{}"), "-"))
	for _, kw := range []string{"if ", "else", "end", "range ", "with ", "define ", "/*", "$"} {
		if strings.HasPrefix(inner, kw) {
			return true
		}
	}
	return false
}

func refScore(src, out string) int32 {
	ot := strings.TrimSpace(out)
	if ot == "" || ot == "---" {
		return 0
	}
	st := strings.TrimRight(src, " \t\r")
	if st == strings.TrimRight(out, " \t\r") {
		return 4
	}
	if strings.TrimSpace(st) == ot {
		return 3
	}
	if i := strings.Index(st, "{{"); i >= 0 {
		lit := strings.TrimSpace(st[:i])
		if len(lit) >= 2 && strings.HasPrefix(ot, lit) {
			return 2
		}
		return 0
	}
	if k := refKey(ot); k != "" && k == refKey(strings.TrimSpace(st)) {
		return 1
	}
	return 0
}

// key is the mapping key a line starts with ("- name: x" gives "- name:").
func refKey(t string) string {
	i := strings.Index(t, ":")
	if i <= 0 || (i+1 < len(t) && t[i+1] != ' ') {
		return ""
	}
	return t[:i+1]
}

func refLCS(s, o []string, pair []int) {
	n, m := len(o), len(s)
	w := m + 1
	dp := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := dp[(i+1)*w+j]
			if v := dp[i*w+j+1]; v > best {
				best = v
			}
			if sc := refScore(s[j], o[i]); sc > 0 {
				if v := dp[(i+1)*w+j+1] + sc; v > best {
					best = v
				}
			}
			dp[i*w+j] = best
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		sc := refScore(s[j], o[i])
		switch {
		case sc > 0 && dp[i*w+j] == dp[(i+1)*w+j+1]+sc:
			pair[i] = j + 1
			i++
			j++
		case dp[i*w+j] == dp[(i+1)*w+j]:
			i++
		default:
			j++
		}
	}
}

func refGreedy(s, o []string, pair []int) {
	j := 0
	for i := range o {
		for k := j; k < len(s) && k < j+200; k++ {
			if refScore(s[k], o[i]) >= 3 {
				pair[i] = k + 1
				j = k + 1
				break
			}
		}
	}
}

// indent counts leading spaces; a sequence dash counts as indentation, so
// the fields of a list item are children of the line above the item.
func refIndent(line string) int {
	return len(line) - len(strings.TrimLeft(line, " -"))
}
