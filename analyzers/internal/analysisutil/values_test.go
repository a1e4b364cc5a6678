package analysisutil

import (
	"go/ast"
	"reflect"
	"strconv"
	"testing"
)

const valuesSrc = `package p

import (
	"flag"
	"fmt"
	"net"
)

const host = "example.com"

var (
	constant = host + ":80"
	joined   = net.JoinHostPort("::1", port)
	port     = "8080"
	printed  = fmt.Sprintf("http://%s:%d/%s%%", host, 8080, port)
	partial  = fmt.Sprintf("http://%s/%v", host, external())
	prefix   = "http://h/" + external()
	either   = choice
	magicV   = magic()
	flagged  = dflt
	deref    = *ptr
	bumped   = counter
	fieldV   = server{addr: "a:1"}.addr
	zeroV    = zero
)

var choice = "a"

var dflt string

var ptr = flag.String("p", "localhost:1", "usage")

var counter = "c"

var zero string

type server struct{ addr string }

func init() {
	choice = "b"
	flag.StringVar(&dflt, "addr", ":9090", "usage")
	counter += "x"
}

func external() string { return "" }

func magic() string { return "" }
`

const valuesTestSrc = `package p

func init() { port = "9999" }
`

func vals(pairs ...any) []StrVal {
	var out []StrVal
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, StrVal{S: pairs[i].(string), Complete: pairs[i+1].(bool)})
	}
	return out
}

func TestValueIndexValues(t *testing.T) {
	pass := load(t, map[string]string{"p.go": valuesSrc, "p_test.go": valuesTestSrc})
	magic := func(ix *ValueIndex, call *ast.CallExpr, depth int) ([]StrVal, bool) {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "magic" {
			return vals("magic", true), true
		}
		return nil, false
	}
	withFlags := NewValueIndex(pass, ValueOptions{FlagDefaults: true, Call: magic})
	plain := NewValueIndex(pass, ValueOptions{})
	tests := []struct {
		name        string
		flags, none []StrVal
	}{
		{"constant", vals("example.com:80", true), nil},
		{"joined", vals("[::1]:8080", true), nil}, // the _test.go assignment is left out
		{"printed", vals("http://example.com:8080/8080%", true), nil},
		{"partial", vals("http://example.com/", false), nil},
		{"prefix", vals("http://h/", false), nil},
		{"either", vals("a", true, "b", true), nil},
		{"magicV", vals("magic", true), UnknownValue()},
		{"flagged", vals(":9090", true), UnknownValue()},
		{"deref", vals("localhost:1", true), UnknownValue()},
		{"bumped", UnknownValue(), nil},
		{"fieldV", vals("a:1", true), nil},
		{"zeroV", vals("", true), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := valueOf(t, pass, tt.name)
			if got := withFlags.Values(e); !reflect.DeepEqual(got, tt.flags) {
				t.Errorf("with FlagDefaults and Call: got %v, want %v", got, tt.flags)
			}
			want := tt.none
			if want == nil {
				want = tt.flags
			}
			if got := plain.Values(e); !reflect.DeepEqual(got, want) {
				t.Errorf("without options: got %v, want %v", got, want)
			}
		})
	}
}

func TestValueIndexDepth(t *testing.T) {
	pass := load(t, map[string]string{"p.go": valuesSrc})
	ix := NewValueIndex(pass, ValueOptions{})
	e := valueOf(t, pass, "constant")
	if got := ix.ValuesAt(e, MaxValueDepth); !reflect.DeepEqual(got, vals("example.com:80", true)) {
		t.Errorf("a constant at the maximum depth: got %v", got)
	}
	if got := ix.ValuesAt(valueOf(t, pass, "joined"), MaxValueDepth); !reflect.DeepEqual(got, UnknownValue()) {
		t.Errorf("operands beyond the maximum depth: got %v, want unknown", got)
	}
}

func TestValueIndexDefsAndUses(t *testing.T) {
	pass := load(t, map[string]string{"p.go": valuesSrc})
	ix := NewValueIndex(pass, ValueOptions{})
	fn := funcDecl(t, pass, "init")
	choice := find(t, fn, identNamed("choice"))
	obj := ix.LvalueObject(choice)
	if obj == nil || obj.Name() != "choice" {
		t.Fatalf("LvalueObject(choice) = %v", obj)
	}
	if as := ix.Assigns(obj); len(as) != 2 || as[0].Index != -1 || as[1].Index != -1 {
		t.Errorf("Assigns(choice) = %+v, want two plain assignments", as)
	}
	if uses, reads := ix.Uses(obj), ix.Reads(obj); len(uses) != 2 || len(reads) != 1 {
		t.Errorf("choice: %d uses and %d reads, want 2 and 1", len(uses), len(reads))
	}
	if _, ok := ix.Parent(choice).(*ast.AssignStmt); !ok {
		t.Errorf("Parent(choice) = %T, want *ast.AssignStmt", ix.Parent(choice))
	}
	dflt := find(t, fn, func(u *ast.UnaryExpr) bool { return true })
	if got := ix.RootObject(dflt); got == nil || got.Name() != "dflt" {
		t.Errorf("RootObject(&dflt) = %v", got)
	}
	if got := ix.Assigns(ix.RootObject(dflt)); len(got) != 2 || !got[1].Unknown || !got[0].Zero {
		t.Errorf("Assigns(dflt) without FlagDefaults = %+v, want the zero value and an unknown one", got)
	}
	counter := find(t, fn, identNamed("counter"))
	if got := ix.Assigns(ix.LvalueObject(counter)); len(got) != 2 || !got[1].Unknown {
		t.Errorf("Assigns(counter) = %+v, want an unknown definition for +=", got)
	}
	if got := ix.LvalueObject(ast.NewIdent("_")); got != nil {
		t.Errorf("LvalueObject(_) = %v, want nil", got)
	}
}

func TestLimitValues(t *testing.T) {
	if got := LimitValues(vals("a", true, "a", true, "b", false)); !reflect.DeepEqual(got, vals("a", true, "b", false)) {
		t.Errorf("duplicates: got %v", got)
	}
	var many []StrVal
	for i := 0; i <= maxValues; i++ {
		many = append(many, StrVal{S: strconv.Itoa(i), Complete: true})
	}
	if got := LimitValues(many); !reflect.DeepEqual(got, UnknownValue()) {
		t.Errorf("%d values: got %v, want unknown", len(many), got)
	}
	if got := LimitValues(many[:maxValues]); len(got) != maxValues {
		t.Errorf("%d values: got %d", maxValues, len(got))
	}
}

func TestAddrHost(t *testing.T) {
	tests := []struct {
		v    StrVal
		host string
		ok   bool
	}{
		{StrVal{S: "localhost:80", Complete: true}, "localhost", true},
		{StrVal{S: ":80", Complete: true}, "", true},
		{StrVal{S: "[::1]:80", Complete: true}, "::1", true},
		{StrVal{S: "[::1]", Complete: true}, "::1", true},
		{StrVal{S: "example.com", Complete: true}, "example.com", true},
		{StrVal{S: "10.0.0.1:"}, "10.0.0.1", true},
		{StrVal{S: "[fe80::1]:"}, "fe80::1", true},
		{StrVal{S: "[fe80::1"}, "", false},
		{StrVal{S: "example"}, "", false},
		{StrVal{}, "", false},
	}
	for _, tt := range tests {
		host, ok := AddrHost(tt.v)
		if host != tt.host || ok != tt.ok {
			t.Errorf("AddrHost(%+v) = %q, %v; want %q, %v", tt.v, host, ok, tt.host, tt.ok)
		}
	}
}
