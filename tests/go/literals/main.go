// Command literals reads Go files the way the Go toolchain does and prints, for each file
// named on the command line, whether it is gofmt-clean and the value of every string
// literal assigned in its package-level var declarations (`var stX = "…"` as "stX", and
// `Key: "…"` in a composite literal as "stX.Key"), unquoted by strconv. The property tests
// of st-setup compare them with the values the file was rendered from.
package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

type result struct {
	Error string `json:"error,omitempty"`
	Gofmt bool   `json:"gofmt"`
	// The file as gofmt would have it, when that is not the file.
	Formatted string            `json:"formatted,omitempty"`
	Strings   map[string]string `json:"strings"`
}

func read(path string) result {
	src, err := os.ReadFile(path)
	if err != nil {
		return result{Error: err.Error()}
	}
	formatted, err := format.Source(src)
	if err != nil {
		return result{Error: err.Error()}
	}
	file, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
	if err != nil {
		return result{Error: err.Error()}
	}
	out := result{Gofmt: bytes.Equal(formatted, src), Strings: map[string]string{}}
	if !out.Gofmt {
		out.Formatted = string(formatted)
	}
	add := func(name string, expr ast.Expr) {
		if lit, ok := expr.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			value, err := strconv.Unquote(lit.Value)
			if err != nil {
				out.Error = name + ": " + err.Error()
			}
			out.Strings[name] = value
		}
	}
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				add(name.Name, vs.Values[i])
				if composite, ok := vs.Values[i].(*ast.CompositeLit); ok {
					for _, element := range composite.Elts {
						if kv, ok := element.(*ast.KeyValueExpr); ok {
							if key, ok := kv.Key.(*ast.Ident); ok {
								add(name.Name+"."+key.Name, kv.Value)
							}
						}
					}
				}
			}
		}
	}
	return out
}

func main() {
	results := []result{}
	for _, path := range os.Args[1:] {
		results = append(results, read(path))
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		os.Exit(1)
	}
}
