package fastyaml

import (
	"testing"
)

// seeds are accepted cases and near misses: each is checked against yaml.v3
// here, and they seed the fuzz target.
var seeds = []string{
	"apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx:1.2\n",
	"---\n# Source: chart/templates/a.yaml\napiVersion: v1\nkind: Service\n",
	"--- # a comment\na: 1\n",
	"items:\n  - a: 1\n    b: [x, y]\n  -\n    c: {d: e}\n  - - nested\n    - seq\n",
	"a:\n- 1\n- 2\nb: 3\n",
	"- \"a: b\"\n- 'it''s'\n- \"# not a comment\" # a comment\n- x#y\n",
	"key: 'it''s'   \nq: \"tab\\there \\u00e9 \\x41 \\\\ \\\" \\'\"\n",
	"trailing: spaces   \nempty:\nnull: ~\nnum: 0777\nexp: 1e3\nyes: yes\nfrac: .5\nneg: -1\nbool: true\n",
	"\"quoted key\": v\n'single key': w\n? complex\n",
	"lit: |\n  line 1\n\n  line 3\n    more\nclip: |\n  a\n\n\nstrip: |-\n  a\n\nkeep: |+\n  a\n\n\nfold: >\n  a\n  b\n\n  c\n   indented\n  d\nfoldstrip: >-\n  x\n  y\n",
	"lit: |\n\n   \n  text\n",
	"lit: |2\n   text\n",
	"lit: | # comment\n  text\nnext: 1\n",
	"lit: |\nnext: 1\n",
	"lit: |+\n\n\n",
	"desc: this is\n  a folded plain\n\n  scalar\nnext: 1\n",
	"desc: a\n  `b`\n  \"c\", \"d\")\n  - e\n",
	"desc: 'single\n  quoted\n\n  folded'\n",
	"desc: \"double \\\n  escaped break\"\n",
	"a: [1, 2, 3]\nb: []\nc: {}\nd: {x: 1, y: \"2\"}\ne: [a b, -c]\n",
	"a: [1, 2,]\n", "a: [\n  1]\n", "a: {x: }\n", "a: [x:y]\n",
	"a: &anchor 1\nb: *anchor\n", "a: !!str 1\n", "%YAML 1.2\n---\na: 1\n",
	"a: 1\n...\n", "a: 1\n---\nb: 2\n", "\ta: 1\n", "a: 1\r\nb: 2\r\n", "\ufeffa: 1\n",
	"a: b: c\n", "a: - b\n", "- a\n b\n", "a: 1\n  b: 2\n", "a:\n  b: 1\n c: 2\n",
	"-\n", "- -\n", "a: -\n", "plain\n", "'top'\n", "[a, b]\n", "", "# only a comment\n",
	"key: é\nmöre: ünïcode\n",
	"ä: [é, ü, x]\nb: {ö: 1, c: \"ü\"}\n- ö\n",
	"- ä: [é, ü, x]\n  b: {ö: 1, c: 'ü'}\n  c: ü\n    ö\n",
	"a: 1\nb:\n  # comment\n  c: 2\n",
	"a: \"unterminated\n", "a: 'x'y\n", "a: \"x\"#c\n",
}

func TestSeedsMatchYAMLv3(t *testing.T) {
	for _, s := range seeds {
		if d := differs([]byte(s)); d != "" {
			t.Errorf("%q: %s", s, d)
		}
	}
}

// TestAccepted: the shapes manifests use are read by the fast path itself
// (and, by differs, the same as yaml.v3).
func TestAccepted(t *testing.T) {
	for _, s := range []string{
		"image: nginx:1.2\n",
		"- \"a: b\"\n",
		"key: 'it''s'\n",
		"a: \"# not a comment\"\nb: '#'\n",
		"trailing: spaces   \n",
		"key:\n",
		"key: ~\n",
		"n: 12\no: 0777\ne: 1e3\nf: .5\n",
		"yes: yes\n",
		"- \n- -1\n",
		"\"quoted key\": 1\n",
		"containers:\n- name: a\n  ports:\n  - containerPort: 80\n",
		"script: |\n  echo hi\n",
		"s: |-\n  a\n",
		"s: |+\n  a\n\n",
		"s: >\n  a\n  b\n",
		"s: >-\n  a\n",
		"a: []\nb: {}\nc: [x, \"y\"]\nd: {k: v}\n",
		"desc: folded\n  plain text\n",
		"desc: a CRD's\n  `field` \"quoted\" {x} [y] *z &w !v\n",
		"desc: 'quoted\n  text'\n",
		"---\n# Source: x\na: 1\n",
	} {
		if _, ok := Parse([]byte(s)); !ok {
			t.Errorf("declined %q", s)
		}
		if d := differs([]byte(s)); d != "" {
			t.Errorf("%q: %s", s, d)
		}
	}
}

// TestDeclined: everything outside the subset goes to yaml.v3, including
// every malformed input.
func TestDeclined(t *testing.T) {
	for _, s := range []string{
		"a: &x 1\n",                // anchor
		"a: *x\n",                  // alias
		"a: !!str 1\n",             // tag
		"? a\n: b\n",               // complex key
		"%YAML 1.2\n---\na: 1\n",   // directive
		"\ta: 1\n",                 // tab
		"a:\tb\n",                  // tab in a value
		"a: 1\r\n",                 // CR
		"\ufeffa: 1\n",             // byte-order mark
		"a: 1\n---\nb: 2\n",        // a second document
		"a: 1\n...\n",              // document end
		"...\n",                    // a document end alone
		"a: |2\n  x\n",             // explicit indentation
		"a: [1,\n  2]\n",           // multi-line flow
		"a: [1, 2,]\n",             // trailing comma
		"a: [x:y]\n",               // ":" in flow
		"a: b: c\n",                // malformed
		"a: \"open\n",              // unterminated
		"a: 1\n  b: 2\n",           // bad indentation
		"a: x\n  - y\n",            // continuation starting with an indicator
		"a: x # c\n  y\n",          // continuation after a comment
		"",                         // empty
		"# only comments\n",        // no document
		"---\n",                    // empty document
		"a: \"\\q\"\n",             // unknown escape
		"a: \"\\/\"\n",             // an escape yaml.v3 does not know
		"a: \"\\ud800\"\n",         // surrogate escape
		"a: 😀\n",                   // outside the BMP
		"a: \u2028\n",              // a YAML line break
		"- |\n  x\n",               // fine, but checked below as top-level
		"|\n  top-level literal\n", // a block scalar document
		"[a, b]\n  c\n",            // flow then more
		"k: v\n- x\n",              // entry at a mapping's indent
		"'a'\n'b'\n",               // two scalars
		"a:\n  - 1\n  b: 2\n",      // key after a sequence at deeper indent
		"a: 'x'y\n",                // text after a quote
		"a: |\n   x\n  y\n",        // less indented text under a block scalar
		"a: |\n\n     \n  x\n",     // leading blank line wider than the text
		"a\n: b\n",                 // ":" on the next line
		"a: \"x\" y\n",             // text after a quote
		"x: [a, [b, c]], y\n",      // text after a flow collection
	} {
		if s == "- |\n  x\n" {
			if _, ok := Parse([]byte(s)); !ok {
				t.Errorf("declined %q", s)
			}
			continue
		}
		if _, ok := Parse([]byte(s)); ok {
			t.Errorf("accepted %q", s)
		}
	}
}
