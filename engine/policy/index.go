package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/policies"
)

// IndexFile is the bundled library's metadata index, embedded beside it.
// Reading it is what lets a short run skip parsing every rule just to learn
// which rules exist and which kinds they apply to. It is generated from the
// rules (`make docs`), and a test fails when it is stale; a stale or missing
// index is never used: the library is then parsed whole, as for user rules.
const IndexFile = "index.json"

type index struct {
	// Hash covers every bundled Rego and data file the index was made from.
	Hash  string  `json:"hash"`
	Rules []*Rule `json:"rules"`
	// Modules holds each module's package and imports, so that a run
	// compiles only the helpers its rules import.
	Modules map[string]moduleDeps `json:"modules"`
}

type moduleDeps struct {
	Package string   `json:"package"`
	Imports []string `json:"imports,omitempty"`
}

func depsOf(m *ast.Module) moduleDeps {
	d := moduleDeps{Package: m.Package.Path.String()}
	for _, imp := range m.Imports {
		if ref, ok := imp.Path.Value.(ast.Ref); ok && ref.HasPrefix(ast.DefaultRootRef) {
			d.Imports = append(d.Imports, ref.String())
		}
	}
	sort.Strings(d.Imports)
	return d
}

// SourceHash is the hash the index of these files must carry.
func SourceHash(files []File) string {
	sorted := append([]File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	h := sha256.New()
	for _, f := range sorted {
		if strings.HasSuffix(f.Name, "_test.rego") || strings.HasSuffix(f.Name, "/"+IndexFile) {
			continue
		}
		h.Write([]byte(f.Name))
		h.Write([]byte{0})
		h.Write(f.Content)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// bundledIndex returns the embedded index when it matches the embedded files.
func bundledIndex(files []File) *index {
	b, err := policies.FS.ReadFile(IndexFile)
	if err != nil {
		return nil
	}
	var idx index
	if json.Unmarshal(b, &idx) != nil || idx.Hash != SourceHash(files) {
		return nil
	}
	for _, r := range idx.Rules {
		r.Bundled = true
	}
	return &idx
}

// BuildIndex renders the index of a library loaded from files.
func BuildIndex(lib *Library, files []File) ([]byte, error) {
	rules := make([]*Rule, len(lib.Rules))
	for i, r := range lib.Rules {
		c := *r
		c.Bundled = false // set on load
		rules[i] = &c
	}
	modules, err := lib.Modules()
	if err != nil {
		return nil, err
	}
	deps := map[string]moduleDeps{}
	for name, m := range modules {
		deps[name] = depsOf(m)
	}
	b, err := json.MarshalIndent(index{Hash: SourceHash(files), Rules: rules, Modules: deps}, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
