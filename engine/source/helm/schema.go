package helm

// values.schema.json checks with github.com/xeipuuv/gojsonschema: kubeward
// links it already (through go-sarif) and its init costs ≈0.6 ms, where
// the library Helm uses costs ≈18 ms at every start (issue 11). It knows
// drafts 4, 6 and 7; a schema declaring a later draft is read as the
// closest it knows, so keywords new in 2019-09/2020-12 are not checked.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/xeipuuv/gojsonreference"
	"github.com/xeipuuv/gojsonschema"
	chart "helm.sh/helm/v4/pkg/chart/v2"
)

// schemaFile is the name Helm gives a chart's values schema.
const schemaFile = "values.schema.json"

// chartHost stands for the chart's own files in schema references: the
// schema is given the base https://chart.kubeward.invalid/values.schema.json
// so that gojsonschema resolves relative references against it, and the
// loader below serves those from the chart in memory. Left to itself,
// gojsonschema opens file:// references on disk and fetches http(s) ones
// (jsonLoader.go, DefaultJSONLoaderFactory); here nothing else is served.
const chartHost = "chart.kubeward.invalid"

// checkSchemaRefs refuses, naming the schema and the reference, every
// $ref of the chart tree's schemas that is not within the chart: URLs
// (http, https, file), absolute paths and relative paths that climb out.
// chartPath is the chart as the user named it.
func checkSchemaRefs(ch *chart.Chart, chartPath string) error {
	if ch.Schema != nil {
		var doc any
		dec := json.NewDecoder(bytes.NewReader(ch.Schema))
		dec.UseNumber()
		if err := dec.Decode(&doc); err == nil { // a broken schema is reported when validating
			file := fileOf(chartPath, ch.ChartFullPath()+"/"+schemaFile)
			if err := walkRefs(doc, func(ref string) error { return checkRef(file, ref) }); err != nil {
				return err
			}
		}
	}
	for _, sub := range ch.Dependencies() {
		if err := checkSchemaRefs(sub, chartPath); err != nil {
			return err
		}
	}
	return nil
}

// walkRefs calls f with every "$ref" string of a schema; const and enum
// values are data, not schemas, as gojsonschema reads them.
func walkRefs(doc any, f func(string) error) error {
	switch d := doc.(type) {
	case []any:
		for _, v := range d {
			if err := walkRefs(v, f); err != nil {
				return err
			}
		}
	case map[string]any:
		if ref, ok := d["$ref"].(string); ok {
			if err := f(ref); err != nil {
				return err
			}
		}
		for k, v := range d {
			if k == "const" || k == "enum" {
				continue
			}
			if err := walkRefs(v, f); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkRef(file, ref string) error {
	if strings.HasPrefix(ref, "#") {
		return nil
	}
	refused := func(why string) error {
		return &fileError{File: file, Message: fmt.Sprintf("$ref %q refused: %s; kubeward follows references only to the chart's own files", ref, why)}
	}
	u, err := url.Parse(ref)
	switch {
	case err != nil:
		return refused("not a valid reference")
	case u.Scheme != "" || u.Host != "":
		return refused("a URL")
	case path.IsAbs(u.Path):
		return refused("an absolute path")
	}
	if p := path.Clean(u.Path); p == ".." || strings.HasPrefix(p, "../") {
		return refused("outside the chart")
	}
	return nil
}

// chartSchemaLoader is a gojsonschema loader reading only the chart's
// files, held in memory.
type chartSchemaLoader struct {
	source string            // absolute URL under chartHost
	files  map[string][]byte // the chart's files by name
	data   []byte            // the root schema; nil for a referenced one
}

func newChartSchemaLoader(ch *chart.Chart) chartSchemaLoader {
	files := make(map[string][]byte, len(ch.Raw))
	for _, f := range ch.Raw {
		files[f.Name] = f.Data
	}
	return chartSchemaLoader{source: "https://" + chartHost + "/" + schemaFile, files: files, data: ch.Schema}
}

func (l chartSchemaLoader) JsonSource() any { return l.source }

func (l chartSchemaLoader) JsonReference() (gojsonreference.JsonReference, error) {
	return gojsonreference.NewJsonReference(l.source)
}

func (l chartSchemaLoader) LoaderFactory() gojsonschema.JSONLoaderFactory { return l }

// New serves a reference gojsonschema resolved against the schema's base.
func (l chartSchemaLoader) New(source string) gojsonschema.JSONLoader {
	return chartSchemaLoader{source: source, files: l.files}
}

func (l chartSchemaLoader) LoadJSON() (any, error) {
	data := l.data
	if data == nil {
		u, err := url.Parse(l.source)
		if err != nil || u.Scheme != "https" || u.Host != chartHost {
			return nil, fmt.Errorf("$ref %s refused: kubeward follows references only to the chart's own files", l.source)
		}
		name := strings.TrimPrefix(path.Clean(u.Path), "/")
		d, ok := l.files[name]
		if !ok {
			return nil, fmt.Errorf("$ref to %s: the chart has no such file", name)
		}
		data = d
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// validateSchemas checks each chart of the tree that has a schema against
// its own coalesced values, and names every failing chart with its
// failing value paths, one message for them all (as Helm does).
func validateSchemas(ch *chart.Chart, vals map[string]any) error {
	var b strings.Builder
	if ch.Schema != nil {
		if err := validateSchema(newChartSchemaLoader(ch), vals); err != nil {
			fmt.Fprintf(&b, "%s:\n%s", ch.Name(), err)
		}
	}
	for _, sub := range ch.Dependencies() {
		raw, has := vals[sub.Name()]
		if !has || raw == nil {
			continue
		}
		m, ok := raw.(map[string]any)
		if !ok {
			fmt.Fprintf(&b, "%s:\ninvalid type for values: expected object (map), got %T\n", sub.Name(), raw)
			continue
		}
		if err := validateSchemas(sub, m); err != nil {
			b.WriteString(err.Error())
		}
	}
	if b.Len() > 0 {
		return errors.New(b.String())
	}
	return nil
}

// validateSchema returns one line per violation: "- at '/a/b': why".
func validateSchema(schema gojsonschema.JSONLoader, vals map[string]any) (err error) {
	defer func() {
		if r := recover(); r != nil { // a library panic on odd input is an error, not a crash
			err = fmt.Errorf("unable to validate schema: %v", r)
		}
	}()
	res, err := gojsonschema.Validate(schema, gojsonschema.NewGoLoader(vals))
	if err != nil {
		return fmt.Errorf("values.schema.json: %w", err)
	}
	if res.Valid() {
		return nil
	}
	var b strings.Builder
	for _, e := range res.Errors() {
		fmt.Fprintf(&b, "- at '%s': %s\n", pointer(e), e.Description())
	}
	return errors.New(b.String())
}

// pointer is the JSON pointer of the failing value ("" for the top).
func pointer(e gojsonschema.ResultError) string {
	p := e.Context().String("/")
	return strings.TrimPrefix(p, gojsonschema.STRING_CONTEXT_ROOT)
}
