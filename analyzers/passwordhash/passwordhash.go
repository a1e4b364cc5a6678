package passwordhash

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "passwordhash", ruledoc.Meta{
	ID:       "SDL204",
	CWE:      []int{916, 328},
	Severity: finding.Important,
	Tags:     []string{"identity"},
})

// Analyzer reports passwords hashed with fast hash functions.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const advice = "a stolen hash can be brute-forced at billions of guesses per second; use bcrypt, scrypt, argon2id or PBKDF2 (golang.org/x/crypto) with a per-user salt and a high work factor"

// algorithms names the hash of each package; sumFuncs lists its one-shot
// functions with the index of the hashed argument.
var algorithms = map[string]string{
	"crypto/md5":                    "MD5",
	"crypto/sha1":                   "SHA-1",
	"crypto/sha256":                 "SHA-256",
	"crypto/sha512":                 "SHA-512",
	"crypto/sha3":                   "SHA-3",
	"golang.org/x/crypto/sha3":      "SHA-3",
	"golang.org/x/crypto/blake2b":   "BLAKE2b",
	"golang.org/x/crypto/blake2s":   "BLAKE2s",
	"golang.org/x/crypto/md4":       "MD4",
	"golang.org/x/crypto/ripemd160": "RIPEMD-160",
	"crypto/hmac":                   "HMAC",
	"hash/crc32":                    "CRC-32",
	"hash/crc64":                    "CRC-64",
	"hash/adler32":                  "Adler-32",
	"hash/fnv":                      "FNV",
	"hash/maphash":                  "maphash",
	"github.com/cespare/xxhash":     "xxHash",
	"github.com/cespare/xxhash/v2":  "xxHash",
}

var sumFuncs = map[string]map[string]int{
	"crypto/md5":                  {"Sum": 0},
	"crypto/sha1":                 {"Sum": 0},
	"crypto/sha256":               {"Sum256": 0, "Sum224": 0},
	"crypto/sha512":               {"Sum512": 0, "Sum384": 0, "Sum512_224": 0, "Sum512_256": 0},
	"crypto/sha3":                 {"Sum224": 0, "Sum256": 0, "Sum384": 0, "Sum512": 0, "SumSHAKE128": 0, "SumSHAKE256": 0},
	"golang.org/x/crypto/sha3":    {"Sum224": 0, "Sum256": 0, "Sum384": 0, "Sum512": 0, "ShakeSum128": 1, "ShakeSum256": 1},
	"golang.org/x/crypto/blake2b": {"Sum256": 0, "Sum384": 0, "Sum512": 0},
	"golang.org/x/crypto/blake2s": {"Sum256": 0},
	"hash/crc32":                  {"ChecksumIEEE": 0, "Checksum": 0},
	"hash/crc64":                  {"Checksum": 0},
	"hash/adler32":                {"Checksum": 0},
}

// variants names the members of a family that are not its default.
var variants = map[string]string{
	"Sum224": "-224", "New224": "-224", "Sum384": "-384", "New384": "-384",
	"Sum512_224": "/224", "New512_224": "/224", "Sum512_256": "/256", "New512_256": "/256",
}

// slowKDFs are the password hashing functions a fast hash may feed
// (pre-hashing, peppering).
var slowKDFs = map[string][]string{
	"golang.org/x/crypto/bcrypt":          {"GenerateFromPassword", "CompareHashAndPassword"},
	"golang.org/x/crypto/scrypt":          {"Key"},
	"golang.org/x/crypto/argon2":          {"Key", "IDKey"},
	"golang.org/x/crypto/pbkdf2":          {"Key"},
	"crypto/pbkdf2":                       {"Key"},
	"golang.org/x/crypto/blowfish":        {"NewSaltedCipher", "ExpandKey"}, // the core of bcrypt
	"github.com/alexedwards/argon2id":     {"CreateHash", "ComparePasswordAndHash"},
	"github.com/matthewhartstonge/argon2": {"Hash", "HashEncoded", "HashRaw"},
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.ImportsAny(pass.Pkg, func(p string) bool {
		return algorithms[p] != "" || p == "crypto" || p == "hash" || strings.HasPrefix(p, "hash/") ||
			strings.HasPrefix(p, "golang.org/x/crypto/")
	}) {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, idx: analysisutil.NewDefUse(pass), reported: map[ast.Node]bool{}}
	analysisutil.InspectFiles(pass, func(n ast.Node, stack []ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			c.checkCall(call, stack)
		}
		return true
	})
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	info     *types.Info
	idx      *analysisutil.DefUse
	reported map[ast.Node]bool
}

func (c *checker) report(n ast.Node, msg string) {
	if c.reported[n] {
		return
	}
	c.reported[n] = true
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg})
}

type sinkKind int

const (
	hashesData sinkKind = iota // the data is hashed
	hmacKey                    // the data is the key of an HMAC
	sumAppend                  // h.Sum(data): data is not hashed but prefixed
)

// sink is a call that feeds data to a fast hash.
type sink struct {
	kind sinkKind
	alg  string
	data []ast.Expr
	// state is the expression holding the hash state (the hash.Hash
	// written to), if any.
	state ast.Expr
}

func (c *checker) findSink(call *ast.CallExpr) (sink, bool) {
	fn := analysisutil.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return sink{}, false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return sink{}, false
	}
	if sig.Recv() == nil {
		if i, ok := sumFuncs[path][name]; ok && i < len(call.Args) {
			return sink{kind: hashesData, alg: algName(path, name), data: call.Args[i : i+1]}, true
		}
		switch {
		case path == "crypto/hmac" && name == "New" && len(call.Args) == 2:
			return sink{kind: hmacKey, alg: "HMAC", data: call.Args[1:]}, true
		case path == "io" && name == "WriteString" && len(call.Args) == 2 && isHasher(c.info.TypeOf(call.Args[0])):
			return sink{kind: hashesData, alg: c.hasherAlg(call.Args[0]), data: call.Args[1:], state: call.Args[0]}, true
		case path == "fmt" && (name == "Fprint" || name == "Fprintf" || name == "Fprintln") && len(call.Args) >= 2 && isHasher(c.info.TypeOf(call.Args[0])):
			return sink{kind: hashesData, alg: c.hasherAlg(call.Args[0]), data: call.Args[1:], state: call.Args[0]}, true
		}
		return sink{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return sink{}, false
	}
	if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.MethodVal || !isHasher(c.info.TypeOf(sel.X)) {
		return sink{}, false
	}
	switch name {
	case "Write", "WriteString":
		return sink{kind: hashesData, alg: c.hasherAlg(sel.X), data: call.Args, state: sel.X}, true
	case "Sum":
		if analysisutil.IsNil(c.info, call.Args[0]) {
			return sink{}, false
		}
		return sink{kind: sumAppend, alg: c.hasherAlg(sel.X), data: call.Args}, true
	}
	return sink{}, false
}

func algName(path, name string) string {
	alg := algorithms[path]
	if alg == "" {
		return ""
	}
	if v := variants[name]; v != "" && (path == "crypto/sha256" || path == "crypto/sha512") {
		if path == "crypto/sha512" && strings.HasPrefix(v, "/") {
			return "SHA-512" + v
		}
		return "SHA" + v
	}
	return alg
}

// hasherAlg names the hash a hash.Hash expression was created with, when
// its constructor is visible.
func (c *checker) hasherAlg(e ast.Expr) string {
	for depth := 0; depth < 4; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			fn := analysisutil.Callee(c.info, x)
			if fn != nil && fn.Pkg() != nil {
				if alg := algName(fn.Pkg().Path(), fn.Name()); alg != "" {
					return alg
				}
				if fn.Pkg().Path() == "crypto" && fn.Name() == "New" {
					if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
						return types.ExprString(sel.X)
					}
				}
			}
			return "a fast hash"
		case *ast.Ident:
			v, ok := c.info.Uses[x].(*types.Var)
			if !ok {
				return "a fast hash"
			}
			defs, ok := c.idx.KnownDefs(v)
			if !ok || len(defs) != 1 || defs[0] == nil {
				return "a fast hash"
			}
			e = defs[0]
		default:
			return "a fast hash"
		}
	}
	return "a fast hash"
}

// isHasher reports whether t has the method set of hash.Hash: Write, Sum,
// Reset, Size and BlockSize.
func isHasher(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, m := range []string{"Write", "Reset", "Size", "BlockSize"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj == nil {
			return false
		} else if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Sum")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 && isBytes(sig.Params().At(0).Type()) && isBytes(sig.Results().At(0).Type())
}

func isBytes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// textual reports whether t can hold a password: a string, a byte or rune
// slice, or a pointer to one.
func textual(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && (b.Kind() == types.Byte || b.Kind() == types.Rune)
	}
	return false
}

// scan is what the data fed to a hash is made of.
type scan struct {
	password bool         // it contains a password
	protocol bool         // it contains a challenge-response protocol value
	derived  bool         // it contains a value named as derived from a password (a hash, a token)
	random   bool         // it contains a value named like a random secret (a token, a key, a nonce)
	params   []*types.Var // neutral parameters it is made of
}

// walk looks through the ways data is commonly assembled (conversions,
// concatenation, append, fmt.Sprint*, strings and bytes helpers, local
// variables) for values whose name says they are passwords.
func (c *checker) walk(e ast.Expr, s *scan, depth int) {
	if depth > 5 || e == nil {
		return
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		c.named(x.Name, c.info.Uses[x], c.info.TypeOf(x), s, depth)
	case *ast.SelectorExpr:
		obj := c.info.Uses[x.Sel]
		if sel, ok := c.info.Selections[x]; ok {
			if sel.Kind() != types.FieldVal {
				return
			}
			obj = sel.Obj()
		}
		c.named(x.Sel.Name, obj, c.info.TypeOf(x), s, depth)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			c.walk(x.X, s, depth+1)
			c.walk(x.Y, s, depth+1)
		}
	case *ast.SliceExpr:
		c.walk(x.X, s, depth+1)
	case *ast.StarExpr:
		c.walk(x.X, s, depth+1)
	case *ast.TypeAssertExpr:
		c.walk(x.X, s, depth+1)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			c.walk(elt, s, depth+1)
		}
	case *ast.IndexExpr:
		if k, ok := analysisutil.StringConst(c.info, x.Index); ok {
			switch classify(k) {
			case password:
				s.password = true
			case derived:
				s.derived = true
			case neutral:
				if isProtocolName(k) {
					s.protocol = true
				}
			}
			return
		}
		// An element of a slice named like passwords.
		if id := leafName(x.X); id != "" && classify(id) == password && textual(c.info.TypeOf(x)) {
			s.password = true
		}
	case *ast.CallExpr:
		c.walkCall(x, s, depth)
	}
}

// leafName is the name of an identifier or field selection.
func leafName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// named handles a leaf value with a name: a variable, constant, parameter
// or field.
func (c *checker) named(name string, obj types.Object, t types.Type, s *scan, depth int) {
	switch obj.(type) {
	case *types.Var, *types.Const:
	default:
		return
	}
	switch classify(name) {
	case password:
		if textual(t) {
			s.password = true
		}
		return
	case derived:
		s.derived = true
		return
	}
	if isProtocolName(name) {
		s.protocol = true
		return
	}
	if isRandomName(name) {
		s.random = true
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || v.IsField() {
		return
	}
	if c.idx.IsParam(v) {
		if textual(t) {
			s.params = append(s.params, v)
		}
		return
	}
	if defs, ok := c.idx.KnownDefs(v); ok {
		for _, d := range defs {
			c.walk(d, s, depth+1)
		}
	}
}

// transparent lists functions whose result carries their arguments.
var transparent = map[string]map[string]bool{
	"fmt": {"Sprint": true, "Sprintf": true, "Sprintln": true, "Append": true, "Appendf": true, "Appendln": true},
	"strings": {"ToLower": true, "ToUpper": true, "TrimSpace": true, "Trim": true, "TrimLeft": true, "TrimRight": true,
		"TrimPrefix": true, "TrimSuffix": true, "Join": true, "Repeat": true, "Replace": true, "ReplaceAll": true,
		"Clone": true, "Title": true, "ToValidUTF8": true},
	"bytes": {"ToLower": true, "ToUpper": true, "TrimSpace": true, "Trim": true, "TrimLeft": true, "TrimRight": true,
		"TrimPrefix": true, "TrimSuffix": true, "Join": true, "Repeat": true, "Replace": true, "ReplaceAll": true,
		"Clone": true, "ToValidUTF8": true},
}

func (c *checker) walkCall(call *ast.CallExpr, s *scan, depth int) {
	if tv := c.info.Types[call.Fun]; tv.IsType() {
		if len(call.Args) == 1 {
			c.walk(call.Args[0], s, depth+1)
		}
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				for _, a := range call.Args {
					c.walk(a, s, depth+1)
				}
			}
			return
		}
	}
	fn := analysisutil.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	if transparent[fn.Pkg().Path()][fn.Name()] {
		for _, a := range call.Args {
			c.walk(a, s, depth+1)
		}
		return
	}
	if !textual(c.info.TypeOf(call)) {
		return
	}
	// A getter named like a password: u.GetPassword(), creds.Password().
	switch classify(fn.Name()) {
	case password:
		s.password = true
		return
	case derived:
		s.derived = true
		return
	}
	// A lookup by a password key: r.FormValue("password"),
	// c.PostForm("passwd"), os.Getenv("DB_PASSWORD").
	for _, a := range call.Args {
		if k, ok := analysisutil.StringConst(c.info, a); ok && classify(k) == password {
			s.password = true
			return
		}
	}
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	sk, ok := c.findSink(call)
	if !ok {
		return
	}
	var s scan
	for _, d := range sk.data {
		c.walk(d, &s, 0)
	}
	if s.protocol {
		return
	}
	decl := topDecl(stack)
	if !s.password && len(s.params) > 0 && decl != nil && isPasswordFunc(decl.Name.Name) {
		s.password = true
	}
	if s.password {
		if sk.kind != sumAppend && decl != nil && c.quiet(decl.Body, call, sk.state) {
			return
		}
		c.report(call, message(sk, ""))
		return
	}
	if sk.kind == sumAppend || decl == nil || c.quiet(decl.Body, call, sk.state) {
		return
	}
	if !s.derived && !s.random && c.storedAsPassword(decl.Body, call, sk.state) {
		c.report(call, message(sk, ""))
		return
	}
	// The data is a parameter of a helper: check what its callers pass.
	for _, p := range s.params {
		wrapper, sites := c.idx.ArgsFor(p, stack)
		for _, site := range sites {
			var cs scan
			c.walk(site.Arg, &cs, 0)
			if cs.protocol {
				continue
			}
			outer := c.declAt(site.Call.Pos())
			if outer != nil && c.quiet(outer.Body, site.Call, nil) {
				continue
			}
			if cs.password || (!cs.derived && !cs.random && outer != nil && c.storedAsPassword(outer.Body, site.Call, nil)) {
				c.report(site.Call, message(sk, wrapper.Name()))
			}
		}
	}
}

func message(sk sink, via string) string {
	alg := sk.alg
	switch sk.kind {
	case sumAppend:
		return "Sum does not hash its argument: it appends the digest of what was written to the hash, so the result holds the plaintext password; hash passwords with bcrypt, scrypt, argon2id or PBKDF2 instead"
	case hmacKey:
		return "password used as an HMAC key: HMAC is a fast hash, so " + advice
	}
	if via != "" {
		return fmt.Sprintf("password hashed with %s (in %s), a fast hash: %s", alg, via, advice)
	}
	return fmt.Sprintf("password hashed with %s, a fast hash: %s", alg, advice)
}

func topDecl(stack []ast.Node) *ast.FuncDecl {
	for _, n := range stack {
		if d, ok := n.(*ast.FuncDecl); ok {
			return d
		}
	}
	return nil
}

// declAt returns the function declaration containing pos.
func (c *checker) declAt(pos token.Pos) *ast.FuncDecl {
	f := analysisutil.FileOf(c.pass.Files, pos)
	if f == nil {
		return nil
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
			return fd
		}
	}
	return nil
}

// quiet reports whether the hash computed by call (whose state, for a
// streaming hash, is state) is a step of a sound scheme in body: it feeds
// a slow password hash (pre-hashing or peppering before bcrypt, say), or
// it is compared in constant time with another hash computed on the spot
// (the idiom that equalises lengths before subtle.ConstantTimeCompare).
func (c *checker) quiet(body *ast.BlockStmt, call *ast.CallExpr, state ast.Expr) bool {
	if body == nil {
		return false
	}
	if checksBreaches(body) {
		return true
	}
	holders := c.holders(body, call, state)
	mentions := func(e ast.Expr) bool { return c.mentions(e, call, holders, 0) }
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			fn := analysisutil.Callee(c.info, x)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			path, name := fn.Pkg().Path(), fn.Name()
			if isSlowKDF(path, name) || c.callsSlowKDF(fn) {
				for _, a := range x.Args {
					if mentions(a) {
						found = true
					}
				}
			}
			if len(x.Args) == 2 && isCompare(path, name) {
				if (mentions(x.Args[0]) && c.freshHash(x.Args[1], 0)) || (mentions(x.Args[1]) && c.freshHash(x.Args[0], 0)) {
					found = true
				}
			}
		case *ast.BinaryExpr:
			if x.Op == token.EQL || x.Op == token.NEQ {
				if (mentions(x.X) && c.freshHash(x.Y, 0)) || (mentions(x.Y) && c.freshHash(x.X, 0)) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// holders returns the variables that hold the hash computed by call: the
// hash state written to, and the variables its result is assigned to.
func (c *checker) holders(body *ast.BlockStmt, call *ast.CallExpr, state ast.Expr) []types.Object {
	var holders []types.Object
	if state != nil {
		if obj := rootObj(c.info, state); obj != nil {
			holders = append(holders, obj)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i, r := range x.Rhs {
					if ast.Unparen(r) == call {
						if obj := rootObj(c.info, x.Lhs[i]); obj != nil {
							holders = append(holders, obj)
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == len(x.Values) {
				for i, r := range x.Values {
					if ast.Unparen(r) == call {
						holders = append(holders, c.info.Defs[x.Names[i]])
					}
				}
			}
		}
		return true
	})
	return holders
}

// storeWords may join a password word in the name of where a password
// hash is kept: "passwordHash", "hashedPassword", "pwd_digest".
var storeWords = map[string]bool{
	"hash": true, "hashed": true, "hashes": true, "digest": true, "enc": true, "encrypted": true,
	"encoded": true, "crypt": true, "crypted": true, "sha": true, "sha1": true, "sha256": true,
	"sha512": true, "md5": true,
}

// isStoreName reports whether a name says it holds a password or its hash
// (not a reset token, a salt or a policy).
func isStoreName(name string) bool {
	found := false
	for _, w := range words(name) {
		switch {
		case isPasswordWord(w):
			found = true
		case derivedWords[w] && !storeWords[w]:
			return false
		}
	}
	return found
}

// storedAsPassword reports whether the hash computed by call ends up, in
// body, where a password (hash) is kept: a variable, field or struct
// literal key named like one (user.PasswordHash = hex.EncodeToString(sum[:]))
// or a call that also takes a string naming a password (an SQL statement
// setting the password column).
func (c *checker) storedAsPassword(body *ast.BlockStmt, call *ast.CallExpr, state ast.Expr) bool {
	if body == nil {
		return false
	}
	holders := c.holders(body, call, state)
	mentions := func(e ast.Expr) bool { return c.mentions(e, call, holders, 0) }
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i, l := range x.Lhs {
					if isStoreName(leafName(l)) && mentions(x.Rhs[i]) {
						found = true
					}
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == len(x.Values) {
				for i, id := range x.Names {
					if isStoreName(id.Name) && mentions(x.Values[i]) {
						found = true
					}
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok && isStoreName(id.Name) && mentions(x.Value) {
				found = true
			}
		case *ast.BinaryExpr:
			if x.Op == token.EQL || x.Op == token.NEQ {
				found = (mentions(x.X) && namesStore(x.Y)) || (mentions(x.Y) && namesStore(x.X))
			}
		case *ast.CallExpr:
			if fn := analysisutil.Callee(c.info, x); fn != nil && fn.Pkg() != nil && len(x.Args) == 2 && isCompare(fn.Pkg().Path(), fn.Name()) {
				found = (mentions(x.Args[0]) && namesStore(x.Args[1])) || (mentions(x.Args[1]) && namesStore(x.Args[0]))
				return !found
			}
			named, hashed := false, false
			for _, a := range x.Args {
				if s, ok := analysisutil.StringConst(c.info, a); ok {
					// Each identifier of the text (a column name, say).
					for _, id := range strings.FieldsFunc(s, func(r rune) bool {
						return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
					}) {
						if isStoreName(id) {
							named = true
						}
					}
				} else if mentions(a) {
					hashed = true
				}
			}
			found = named && hashed
		}
		return true
	})
	return found
}

// checksBreaches reports whether body queries the Pwned Passwords range
// API, which takes the SHA-1 of the password by design (only a 5-character
// prefix leaves the machine).
func checksBreaches(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "pwnedpasswords.com") {
			found = true
		}
		return !found
	})
	return found
}

// namesStore reports whether e mentions a variable or field named like a
// stored password hash (user.PasswordHash, []byte(hashedPassword)).
func namesStore(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isStoreName(id.Name) {
			found = true
		}
		return !found
	})
	return found
}

func isCompare(path, name string) bool {
	return (path == "crypto/subtle" && name == "ConstantTimeCompare") ||
		(path == "crypto/hmac" && name == "Equal") || (path == "bytes" && name == "Equal")
}

func isSlowKDF(path, name string) bool {
	for _, kdf := range slowKDFs[path] {
		if kdf == name {
			return true
		}
	}
	return false
}

// callsSlowKDF reports whether fn is a function of the package that calls
// a slow password hash itself (a helper the pre-hash is handed to).
func (c *checker) callsSlowKDF(fn *types.Func) bool {
	decl := c.idx.Decl(fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if f := analysisutil.Callee(c.info, call); f != nil && f.Pkg() != nil && isSlowKDF(f.Pkg().Path(), f.Name()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// mentions reports whether e is computed from call or from one of the
// holders, directly or through local variables.
func (c *checker) mentions(e ast.Expr, call *ast.CallExpr, holders []types.Object, depth int) bool {
	if depth > 4 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			if x == call {
				found = true
			}
		case *ast.Ident:
			obj := c.info.Uses[x]
			for _, h := range holders {
				if obj == h {
					found = true
					return false
				}
			}
			if v, ok := obj.(*types.Var); ok && v.Pkg() == c.pass.Pkg {
				if defs, ok := c.idx.KnownDefs(v); ok {
					for _, d := range defs {
						if d != nil && c.mentions(d, call, holders, depth+1) {
							found = true
						}
					}
				}
			}
		}
		return true
	})
	return found
}

// freshHash reports whether e is (a slice of) a hash computed in the
// function: a one-shot sum or hash.Hash.Sum, directly or through a local
// variable.
func (c *checker) freshHash(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SliceExpr:
		return c.freshHash(x.X, depth+1)
	case *ast.CallExpr:
		if sk, ok := c.findSink(x); ok && sk.kind == hashesData && sk.state == nil {
			return true
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Sum" && isHasher(c.info.TypeOf(sel.X)) {
			return true
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok && v.Pkg() == c.pass.Pkg {
			if defs, ok := c.idx.KnownDefs(v); ok {
				for _, d := range defs {
					if d != nil && c.freshHash(d, depth+1) {
						return true
					}
				}
			}
		}
	}
	return false
}

func rootObj(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
	}
	return nil
}
