package helm

// values.schema.json checks with github.com/xeipuuv/gojsonschema: kubeward
// links it already (through go-sarif) and its init costs ≈0.6 ms, where
// the library Helm uses costs ≈18 ms at every start (issue 11). It knows
// drafts 4, 6 and 7; a schema declaring a later draft is read as the
// closest it knows, so keywords new in 2019-09/2020-12 are not checked.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/xeipuuv/gojsonschema"
	chart "helm.sh/helm/v4/pkg/chart/v2"
)

// validateSchemas checks each chart of the tree that has a schema against
// its own coalesced values, and names every failing chart with its
// failing value paths, one message for them all (as Helm does).
func validateSchemas(ch *chart.Chart, vals map[string]any) error {
	var b strings.Builder
	if ch.Schema != nil {
		if err := validateSchema(ch.Schema, vals); err != nil {
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
func validateSchema(schema []byte, vals map[string]any) (err error) {
	defer func() {
		if r := recover(); r != nil { // a library panic on odd input is an error, not a crash
			err = fmt.Errorf("unable to validate schema: %v", r)
		}
	}()
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewGoLoader(vals))
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
