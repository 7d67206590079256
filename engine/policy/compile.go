package policy

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Denied builtins: rules judge the objects they are given and nothing else.
// These reach the network, the environment or the host, so a policy (a user's,
// or one from a bundle) that calls them is refused when it is compiled.
var deniedBuiltins = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
}

// Capabilities are OPA's capabilities minus the denied builtins, with no
// network access.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	builtins := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !deniedBuiltins[b.Name] {
			builtins = append(builtins, b)
		}
	}
	caps.Builtins = builtins
	caps.AllowNet = []string{}
	return caps
}

// Compile compiles every module of the library once.
func (l *Library) Compile() (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithEnablePrintStatements(false)
	c.Compile(l.Modules)
	if c.Failed() {
		return nil, compileErrors(c.Errors)
	}
	return c, nil
}

func compileErrors(errs ast.Errors) Errors {
	out := make(Errors, 0, len(errs))
	for _, e := range errs {
		pe := &Error{Message: e.Message}
		if e.Location != nil {
			pe.File, pe.Line, pe.Column = e.Location.File, e.Location.Row, e.Location.Col
		}
		if name, ok := strings.CutPrefix(e.Message, "undefined function "); ok && deniedBuiltins[name] {
			pe.Message = name + " is not allowed: kubeward policies judge the objects they are given and cannot reach the network, the environment or the host"
		} else if e.Code == ast.TypeErr || e.Code == ast.CompileErr {
			pe.Message = e.Code + ": " + e.Message
		}
		out = append(out, pe)
	}
	return out
}
