// Command gen writes the embedded schemas of engine/schema: for each
// Kubernetes release given, the OpenAPI definitions of the built-in kinds,
// pruned to what validation reads, with the enum values that the published
// spec leaves out taken from the k8s.io/api sources of the same release.
//
// It fetches k8s.io/kubernetes and k8s.io/api through the Go module proxy
// (`go mod download -json`), so the output depends on nothing but the
// releases named. Run it with `go generate ./engine/schema` or `make schemas`.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "data", "folder the .json.gz files are written to")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-out DIR] v1.MINOR.PATCH...")
		os.Exit(2)
	}
	for _, v := range flag.Args() {
		if err := generate(v, *out); err != nil {
			fmt.Fprintf(os.Stderr, "gen %s: %v\n", v, err)
			os.Exit(1)
		}
	}
}

// download returns the folder of a module version in the module cache.
func download(module, version string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	cmd.Stderr = os.Stderr
	js, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %w", module, version, err)
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(js, &m); err != nil {
		return "", err
	}
	if m.Error != "" {
		return "", fmt.Errorf("%s@%s: %s", module, version, m.Error)
	}
	return m.Dir, nil
}

// schema is what validation keeps of a definition: the names are those of
// OpenAPI v3 so that CRD schemas decode into the same type at run time.
type schema struct {
	Type                 string             `json:"type,omitempty"`
	Format               string             `json:"format,omitempty"`
	Ref                  string             `json:"$ref,omitempty"`
	Properties           map[string]*schema `json:"properties,omitempty"`
	Items                *schema            `json:"items,omitempty"`
	AdditionalProperties *schema            `json:"additionalProperties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	Enum                 []string           `json:"enum,omitempty"`
	IntOrString          bool               `json:"x-kubernetes-int-or-string,omitempty"`
	PreserveUnknown      bool               `json:"x-kubernetes-preserve-unknown-fields,omitempty"`
}

type swaggerSchema struct {
	Type                 string                    `json:"type"`
	Format               string                    `json:"format"`
	Ref                  string                    `json:"$ref"`
	Properties           map[string]*swaggerSchema `json:"properties"`
	Items                *swaggerSchema            `json:"items"`
	AdditionalProperties json.RawMessage           `json:"additionalProperties"`
	Required             []string                  `json:"required"`
	PreserveUnknown      bool                      `json:"x-kubernetes-preserve-unknown-fields"`
	GVK                  []struct {
		Group, Version, Kind string
	} `json:"x-kubernetes-group-version-kind"`
}

// file is one release's data.
type file struct {
	Version string `json:"version"`
	// Kinds maps "apiVersion/Kind" to its definition.
	Kinds       map[string]string  `json:"kinds"`
	Definitions map[string]*schema `json:"definitions"`
}

func generate(version, outDir string) error {
	kdir, err := download("k8s.io/kubernetes", version)
	if err != nil {
		return err
	}
	// k8s.io/api v0.X.Y is released with k8s.io/kubernetes v1.X.Y.
	adir, err := download("k8s.io/api", "v0"+strings.TrimPrefix(version, "v1"))
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(filepath.Join(kdir, "api", "openapi-spec", "swagger.json"))
	if err != nil {
		return err
	}
	var spec struct {
		Definitions map[string]*swaggerSchema `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("swagger.json: %w", err)
	}
	enums, err := enumFields(adir)
	if err != nil {
		return err
	}
	f := file{Version: minor(version), Kinds: map[string]string{}, Definitions: map[string]*schema{}}
	var todo []string
	for name, d := range spec.Definitions {
		for _, g := range d.GVK {
			// Objects of the API (not the list or option types every group
			// shares under meta/v1) are those a manifest holds.
			if strings.HasSuffix(g.Kind, "List") || g.Kind == "WatchEvent" || g.Kind == "DeleteOptions" ||
				g.Kind == "Status" || g.Kind == "APIGroup" || g.Kind == "APIResourceList" || g.Kind == "APIVersions" ||
				g.Kind == "APIGroupList" {
				continue
			}
			if !strings.HasPrefix(name, "io.k8s.api.") && !strings.HasPrefix(name, "io.k8s.kube-aggregator.") &&
				!strings.HasPrefix(name, "io.k8s.apiextensions-apiserver.") {
				continue
			}
			api := g.Version
			if g.Group != "" {
				api = g.Group + "/" + g.Version
			}
			f.Kinds[api+"/"+g.Kind] = name
			todo = append(todo, name)
		}
	}
	for len(todo) > 0 {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if _, done := f.Definitions[name]; done {
			continue
		}
		d, ok := spec.Definitions[name]
		if !ok {
			return fmt.Errorf("definition %s is referenced but absent", name)
		}
		s := convert(d, name, enums, &todo)
		if isKind(f.Kinds, name) && s.Properties != nil && s.Properties["status"] != nil {
			// The server writes status: a manifest's is never validated.
			s.Properties["status"] = &schema{PreserveUnknown: true}
		}
		if name == quantity {
			// A quantity is written as a string or a number (cpu: 1); the
			// validator parses it as the API server does.
			s = &schema{Format: "quantity"}
		}
		f.Definitions[name] = s
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(zw)
	if err := enc.Encode(f); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	out := filepath.Join(outDir, f.Version+".json.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d kinds, %d definitions, %d bytes\n", out, len(f.Kinds), len(f.Definitions), buf.Len())
	return nil
}

const quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity"

func isKind(kinds map[string]string, name string) bool {
	for _, n := range kinds {
		if n == name {
			return true
		}
	}
	return false
}

// minor turns v1.37.2 into 1.37.
func minor(version string) string {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	return parts[0] + "." + parts[1]
}

// convert keeps what validation reads and queues the definitions d refers to.
func convert(d *swaggerSchema, def string, enums map[string][]string, todo *[]string) *schema {
	s := &schema{Type: d.Type, Format: d.Format, Required: d.Required, PreserveUnknown: d.PreserveUnknown}
	if d.Ref != "" {
		s.Ref = strings.TrimPrefix(d.Ref, "#/definitions/")
		*todo = append(*todo, s.Ref)
	}
	if s.Format == "int-or-string" {
		s.Type, s.Format, s.IntOrString = "", "", true
	}
	if len(d.Properties) > 0 {
		s.Properties = map[string]*schema{}
		for k, p := range d.Properties {
			ps := convert(p, "", enums, todo)
			if def != "" {
				if vals := enums[def+"."+k]; len(vals) > 0 {
					target := ps
					if target.Items != nil {
						target = target.Items
					}
					target.Enum = vals
				}
			}
			s.Properties[k] = ps
		}
	}
	if d.Items != nil {
		s.Items = convert(d.Items, "", enums, todo)
	}
	if len(d.AdditionalProperties) > 0 && string(d.AdditionalProperties) != "true" && string(d.AdditionalProperties) != "false" {
		var ap swaggerSchema
		if err := json.Unmarshal(d.AdditionalProperties, &ap); err == nil {
			s.AdditionalProperties = convert(&ap, "", enums, todo)
		}
	}
	return s
}
