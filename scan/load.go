package scan

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// listMode asks go list for the package graph and the export data of every
// dependency, but not for syntax: each package is parsed and type-checked
// by one worker at a time and dropped once analyzed, so memory holds one
// package's syntax per worker, not the whole tree's.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedTypesSizes | packages.NeedModule

// list runs go list over the patterns and returns the packages to analyze.
func list(opts *Options) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:       listMode,
		Dir:        opts.Dir,
		Tests:      opts.Tests,
		BuildFlags: opts.BuildFlags,
		Env:        opts.Env,
	}
	pkgs, err := packages.Load(cfg, opts.Patterns...)
	if err != nil {
		return nil, fmt.Errorf("listing packages %s: %w", strings.Join(opts.Patterns, " "), err)
	}
	if len(pkgs) == 0 {
		return nil, &InputError{Msg: fmt.Sprintf("pattern %s matches no packages", strings.Join(opts.Patterns, " "))}
	}
	// A pattern naming a directory that does not exist comes back as a
	// package with no files and an error.
	var missing []string
	for _, p := range pkgs {
		if len(p.CompiledGoFiles) == 0 && len(p.GoFiles) == 0 && len(p.Errors) > 0 {
			missing = append(missing, p.Errors[0].Msg)
		}
	}
	if len(missing) == len(pkgs) {
		return nil, &InputError{Msg: fmt.Sprintf("pattern %s matches no packages: %s", strings.Join(opts.Patterns, " "), strings.Join(missing, "; "))}
	}
	if !opts.Tests {
		return pkgs, nil
	}
	// With tests, each package comes as p, p [p.test], p_test [p.test] and
	// p.test. Analyze the test variant instead of p (it holds p's files
	// too) and skip the generated test main.
	hasTestVariant := map[string]bool{}
	for _, p := range pkgs {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			hasTestVariant[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	for _, p := range pkgs {
		switch {
		case strings.HasSuffix(p.PkgPath, ".test") && p.Name == "main" && p.ForTest == "":
			continue
		case p.ForTest == "" && hasTestVariant[p.PkgPath]:
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// importer loads dependencies' types from their export data, once, shared
// by every worker.
type importer struct {
	fset *token.FileSet
	mu   sync.Mutex
	pkgs map[string]*types.Package // by package path
}

func newImporter(fset *token.FileSet) *importer {
	return &importer{fset: fset, pkgs: map[string]*types.Package{}}
}

// forPackage returns a types.Importer resolving the import paths of p.
func (im *importer) forPackage(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		dep, ok := p.Imports[path]
		if !ok {
			return nil, fmt.Errorf("no package for import %q", path)
		}
		return im.load(dep)
	})
}

func (im *importer) load(dep *packages.Package) (*types.Package, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	if t, ok := im.pkgs[dep.PkgPath]; ok && t.Complete() {
		return t, nil
	}
	if dep.ExportFile == "" {
		if len(dep.Errors) > 0 {
			return nil, fmt.Errorf("%s: %s", dep.PkgPath, dep.Errors[0].Msg)
		}
		return nil, fmt.Errorf("no export data for %s", dep.PkgPath)
	}
	f, err := os.Open(dep.ExportFile)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", dep.PkgPath, err)
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", dep.PkgPath, err)
	}
	t, err := gcexportdata.Read(r, im.fset, im.pkgs, dep.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", dep.PkgPath, err)
	}
	return t, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// typeCheck parses and type-checks one listed package from source. The
// returned package holds syntax, types and type information; its errors
// (list, parse and type errors) are in Errors, with IllTyped set.
func typeCheck(fset *token.FileSet, im *importer, p *packages.Package) (*packages.Package, map[string][]byte) {
	out := &packages.Package{
		ID:              p.ID,
		Name:            p.Name,
		PkgPath:         p.PkgPath,
		GoFiles:         p.GoFiles,
		CompiledGoFiles: p.CompiledGoFiles,
		OtherFiles:      p.OtherFiles,
		IgnoredFiles:    p.IgnoredFiles,
		Module:          p.Module,
		Fset:            fset,
		TypesSizes:      p.TypesSizes,
		Errors:          slices.Clone(p.Errors),
	}
	contents := map[string][]byte{}
	for _, name := range p.CompiledGoFiles {
		//sdl:ignore G304 -- the package's own source files, as go list reported them
		src, err := os.ReadFile(name)
		if err != nil {
			out.Errors = append(out.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		// Keep the (deprecated) object resolution: gosec's rules still
		// read ast.Ident.Obj, and go vet parses the same way.
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if f != nil {
			out.Syntax = append(out.Syntax, f)
			contents[name] = src
		}
		if err != nil {
			var list scanner.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					out.Errors = append(out.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			} else {
				out.Errors = append(out.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			}
		}
	}
	out.TypesInfo = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	tc := &types.Config{
		Importer: im.forPackage(p),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				out.TypeErrors = append(out.TypeErrors, te)
				out.Errors = append(out.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			out.Errors = append(out.Errors, packages.Error{Msg: err.Error(), Kind: packages.TypeError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	out.Types = types.NewPackage(p.PkgPath, p.Name)
	_ = types.NewChecker(tc, fset, out.Types, out.TypesInfo).Files(out.Syntax)
	out.IllTyped = len(out.Errors) > 0
	return out, contents
}
