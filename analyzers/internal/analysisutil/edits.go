package analysisutil

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// This file holds helpers for suggested fixes.

// ImportName returns the name under which the file of files containing pos
// imports the package path (the last element of the path when the import
// is not renamed), or "" when the file does not import it, or imports it
// only with a dot or blank name.
func ImportName(files []*ast.File, pos token.Pos, path string) string {
	f := FileOf(files, pos)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		if strings.Trim(imp.Path.Value, "`\"") != path {
			continue
		}
		if imp.Name == nil {
			return path[strings.LastIndex(path, "/")+1:]
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return ""
		}
		return imp.Name.Name
	}
	return ""
}

// Indentation returns the white space that starts the line holding pos, or
// a tab when the file cannot be read.
func Indentation(pass *analysis.Pass, pos token.Pos) string {
	tf := pass.Fset.File(pos)
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(content) && (content[end] == ' ' || content[end] == '\t') {
		end++
	}
	return string(content[start:end])
}

// InsertFields returns the edit that adds fields (each written "Name:
// value") in front of the elements of a composite literal, in its layout:
// on one line, separated by commas, when the literal is empty or its first
// element is on the line of the opening brace; otherwise one field a line,
// indented like the first element. It returns false when the literal is
// not keyed.
func InsertFields(pass *analysis.Pass, lit *ast.CompositeLit, fields ...string) (analysis.TextEdit, bool) {
	if len(lit.Elts) == 0 {
		return insertAt(lit.Lbrace+1, strings.Join(fields, ", ")), true
	}
	first := lit.Elts[0]
	if _, keyed := first.(*ast.KeyValueExpr); !keyed {
		return analysis.TextEdit{}, false
	}
	if pass.Fset.Position(first.Pos()).Line == pass.Fset.Position(lit.Lbrace).Line {
		return insertAt(first.Pos(), strings.Join(fields, ", ")+", "), true
	}
	indent := Indentation(pass, first.Pos())
	var b strings.Builder
	for _, f := range fields {
		b.WriteString(f + ",\n" + indent)
	}
	return insertAt(first.Pos(), b.String()), true
}

func insertAt(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}
