package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// enumFields reads the k8s.io/api sources: for every struct field whose type
// is marked +enum, "definition.jsonName" maps to the type's constants.
func enumFields(apiDir string) (map[string][]string, error) {
	type pkg struct {
		def   string // definition prefix: io.k8s.api.core.v1
		files []*ast.File
	}
	var pkgs []pkg
	err := filepath.WalkDir(apiDir, func(p string, e os.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(apiDir, p)
		matches, _ := filepath.Glob(filepath.Join(p, "types.go"))
		if len(matches) == 0 {
			return nil
		}
		fset := token.NewFileSet()
		var files []*ast.File
		names, _ := filepath.Glob(filepath.Join(p, "*.go"))
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") || strings.Contains(filepath.Base(n), "generated") {
				continue
			}
			af, err := parser.ParseFile(fset, n, nil, parser.ParseComments)
			if err != nil {
				return fmt.Errorf("%s: %w", n, err)
			}
			files = append(files, af)
		}
		pkgs = append(pkgs, pkg{def: "io.k8s.api." + strings.ReplaceAll(filepath.ToSlash(rel), "/", "."), files: files})
		return nil
	})
	if err != nil {
		return nil, err
	}
	// values["io.k8s.api.core.v1.PullPolicy"] are its constants.
	values := map[string][]string{}
	for _, p := range pkgs {
		enumTypes := map[string]bool{}
		for _, f := range p.files {
			for _, decl := range f.Decls {
				g, ok := decl.(*ast.GenDecl)
				if !ok || g.Tok != token.TYPE {
					continue
				}
				for _, spec := range g.Specs {
					ts := spec.(*ast.TypeSpec)
					doc := ts.Doc
					if doc == nil {
						doc = g.Doc
					}
					if doc != nil && hasEnumMarker(doc) {
						enumTypes[ts.Name.Name] = true
					}
				}
			}
		}
		for _, f := range p.files {
			for _, decl := range f.Decls {
				g, ok := decl.(*ast.GenDecl)
				if !ok || g.Tok != token.CONST {
					continue
				}
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					id, ok := vs.Type.(*ast.Ident)
					if !ok || !enumTypes[id.Name] {
						continue
					}
					for _, v := range vs.Values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if s, err := strconv.Unquote(lit.Value); err == nil {
								values[p.def+"."+id.Name] = append(values[p.def+"."+id.Name], s)
							}
						}
					}
				}
			}
		}
	}
	out := map[string][]string{}
	for _, p := range pkgs {
		for _, f := range p.files {
			imports := map[string]string{}
			for _, im := range f.Imports {
				path, _ := strconv.Unquote(im.Path.Value)
				name := filepath.Base(path)
				if im.Name != nil {
					name = im.Name.Name
				}
				if rest, ok := strings.CutPrefix(path, "k8s.io/api/"); ok {
					imports[name] = "io.k8s.api." + strings.ReplaceAll(rest, "/", ".")
				}
			}
			for _, decl := range f.Decls {
				g, ok := decl.(*ast.GenDecl)
				if !ok || g.Tok != token.TYPE {
					continue
				}
				for _, spec := range g.Specs {
					ts := spec.(*ast.TypeSpec)
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, field := range st.Fields.List {
						if field.Tag == nil {
							continue
						}
						tag, _ := strconv.Unquote(field.Tag.Value)
						jsonName, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
						if jsonName == "" || jsonName == "-" {
							continue
						}
						typ := typeName(field.Type, p.def, imports)
						if vals := values[typ]; len(vals) > 0 {
							sorted := append([]string(nil), vals...)
							sort.Strings(sorted)
							out[p.def+"."+ts.Name.Name+"."+jsonName] = sorted
						}
					}
				}
			}
		}
	}
	return out, nil
}

func hasEnumMarker(doc *ast.CommentGroup) bool {
	for _, c := range doc.List {
		if strings.TrimSpace(strings.TrimPrefix(c.Text, "//")) == "+enum" {
			return true
		}
	}
	return false
}

// typeName is the qualified name of a field's type, through pointers and
// slices (an enum list's items are enum values too).
func typeName(e ast.Expr, def string, imports map[string]string) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return typeName(t.X, def, imports)
	case *ast.ArrayType:
		return typeName(t.Elt, def, imports)
	case *ast.Ident:
		return def + "." + t.Name
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			if p, ok := imports[x.Name]; ok {
				return p + "." + t.Sel.Name
			}
		}
	}
	return ""
}
