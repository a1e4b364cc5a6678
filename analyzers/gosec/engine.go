package gosec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/sdlkit/sdlkit/analyzers/taintkit"
)

// This file prepares a package's SSA for gosec's taint engine (prepareSSA):
// two kinds of flow the engine does not follow by itself, and without which
// every flow from a request body was lost.

// isTaintRule reports whether id is one of gosec's taint rules (G701 to
// G799).
func isTaintRule(id string) bool { return strings.HasPrefix(id, "G7") }

// prepareSSA rewrites the package's own functions in the buildssa result,
// in one walk, so that gosec's taint engine follows two kinds of flow it
// does not follow by itself. It runs before the engine; in sdlkit's suite
// only this analyzer reads the buildssa result.
//
// Interface conversions: every use of a conversion from one interface type
// to another (ssa.ChangeInterface) uses the converted value itself. The
// engine follows values through every other conversion but not this one,
// so io.ReadAll(r.Body), where the request's io.ReadCloser becomes an
// io.Reader, lost the request's taint, and with it every flow from a
// request body. The engine reads types only to recognise context.Context
// arguments and through argument type guards, which already look through
// the conversion, so only the flow changes. An error converted to another
// interface (log.Printf("%v", err) makes it an any) is left as it is: the
// engine taints the error of a call whose arguments are tainted, and
// following it would report every error logged after a lookup of request
// data as log injection. Referrer lists are left as they were; no analyzer
// of the suite walks them from the converted value.
//
// Binder writes: each call of a binder (taintkit.Binders: a request bound
// into a struct, JSON decoded into a variable, bytes read into a buffer) is
// recorded as a write of the call into the local variables and buffers it
// is given, and into each of the variables' fields that the function
// reads. The engine follows a variable's value through the writes into it
// (ssa.Store), and a call to a function without a body from the call's
// receiver and arguments, so a variable a tainted request was bound into
// becomes tainted, and one filled from constant data or the service's own
// file does not. The writes are added to the referrer lists of the
// variables and fields; each is a copy of a write of the package, or of a
// synthetic function when the package has none (so that it belongs to a
// block, which the engine does not read but other SSA analyzers may), with
// its address and value replaced.
func prepareSSA(res *buildssa.SSA) {
	errorType := types.Universe.Lookup("error").Type()
	binders := map[taintkit.Func]bool{}
	for _, b := range taintkit.Binders() {
		binders[b] = true
	}
	type write struct {
		dst  ssa.Value // an *ssa.Alloc or *ssa.MakeSlice
		call *ssa.Call
	}
	var writes []write
	var template *ssa.Store
	var ops []*ssa.Value
	for _, fn := range res.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					for {
						ci, ok := (*op).(*ssa.ChangeInterface)
						if !ok || types.Identical(ci.X.Type(), errorType) {
							break
						}
						*op = ci.X
					}
				}
				switch in := instr.(type) {
				case *ssa.Store:
					if template == nil {
						template = in
					}
				case *ssa.Call:
					if !binders[calleeOf(&in.Call)] {
						continue
					}
					args := in.Call.Args
					if !in.Call.IsInvoke() && in.Call.Signature().Recv() != nil && len(args) > 0 {
						args = args[1:]
					}
					for _, arg := range args {
						for _, a := range pointedTo(arg) {
							writes = append(writes, write{a, in})
						}
					}
				}
			}
		}
	}
	if len(writes) == 0 {
		return
	}
	if template == nil {
		if template = syntheticStore(); template == nil {
			return
		}
	}
	store := func(addr, val ssa.Value) *ssa.Store {
		st := *template
		st.Addr, st.Val = addr, val
		return &st
	}
	for _, w := range writes {
		refs := w.dst.Referrers()
		for _, ref := range *refs {
			if fa, ok := ref.(*ssa.FieldAddr); ok {
				*fa.Referrers() = append(*fa.Referrers(), store(fa, w.call))
			}
		}
		*refs = append(*refs, store(w.dst, w.call))
	}
}

// calleeOf names the function or method a call calls; the zero Func when
// it is not a named function.
func calleeOf(c *ssa.CallCommon) taintkit.Func {
	var f *types.Func
	if c.IsInvoke() {
		f = c.Method
	} else if callee := c.StaticCallee(); callee != nil {
		f, _ = callee.Object().(*types.Func)
	}
	if f == nil || f.Pkg() == nil {
		return taintkit.Func{}
	}
	return taintkit.FuncOf(f)
}

// pointedTo returns the local variables and buffers an argument points
// to: a variable whose address it is, the array or the slice made for a
// buffer (make([]byte, 512) is an array when its size is constant), and
// each element of a variadic argument's slice
// (fmt.Sscanf(s, "%s %d", &name, &n)).
func pointedTo(arg ssa.Value) []ssa.Value {
	arg = unwrapInterface(arg)
	switch v := arg.(type) {
	case *ssa.Alloc, *ssa.MakeSlice:
		return []ssa.Value{v}
	case *ssa.Slice:
		out := pointedTo(v.X)
		array, ok := v.X.(*ssa.Alloc)
		if !ok {
			return out
		}
		for _, ref := range *array.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, r := range *ia.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
					if a, ok := unwrapInterface(st.Val).(*ssa.Alloc); ok {
						out = append(out, a)
					}
				}
			}
		}
		return out
	}
	return nil
}

// unwrapInterface returns the value an interface conversion converts.
func unwrapInterface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// syntheticStore returns the write of a tiny function built apart from the
// analysed program, to copy in a package without a write of its own.
func syntheticStore() *ssa.Store {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "store.go", "package store\n\nfunc f(p *int) { *p = 1 }\n", 0)
	if err != nil {
		return nil
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{}, fset, types.NewPackage("sdlkit.invalid/store", "store"), []*ast.File{f}, 0)
	if err != nil {
		return nil
	}
	for _, b := range pkg.Func("f").Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				return st
			}
		}
	}
	return nil
}
