package xpathinjection

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Import paths of the XPath libraries whose expressions are sinks.
const (
	XPathPath     = "github.com/antchfx/xpath"
	XMLQueryPath  = "github.com/antchfx/xmlquery"
	HTMLQueryPath = "github.com/antchfx/htmlquery"
	JSONQueryPath = "github.com/antchfx/jsonquery"
	XMLPathPath   = "gopkg.in/xmlpath.v2"
	GoXPathPath   = "github.com/ChrisTrenkamp/goxpath"
)

// Rule is the XPath injection taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "xpathinjection", ruledoc.Meta{
		ID:       "SDL907",
		CWE:      []int{643},
		Severity: finding.Important,
		Tags:     []string{"injection", "xpath", "taint"},
	}),
	Message: "XPath injection: untrusted input is the expression of",
	Config:  Config(),
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	// antchfx/xpath: the expression compiled, or selected with.
	add(taintkit.Funcs(XPathPath, 0, "Compile", "MustCompile", "CompileWithNS"))
	add(taintkit.Funcs(XPathPath, 1, "Select"))

	// antchfx's query packages take the document first, the expression
	// second; QuerySelector and QuerySelectorAll take a compiled *xpath.Expr,
	// checked where it was compiled.
	queries := []string{"Find", "FindOne", "Query", "QueryAll"}
	add(taintkit.Funcs(XMLQueryPath, 1, append(queries, "FindEach", "FindEachWithBreak")...))
	add(taintkit.Funcs(HTMLQueryPath, 1, queries...))
	add(taintkit.Funcs(JSONQueryPath, 1, queries...))
	// xmlquery's stream parsers: the element expression and the optional
	// filter (a variadic argument, one slice in the call).
	add(taintkit.Funcs(XMLQueryPath, 1, "CreateStreamParser"))
	add(taintkit.Funcs(XMLQueryPath, 2, "CreateStreamParser", "CreateStreamParserWithOptions"))
	add(taintkit.Funcs(XMLQueryPath, 3, "CreateStreamParserWithOptions"))
	// (*xmlquery.Node).SelectElement and SelectElements evaluate their
	// "name" as an expression (FindOne, Find); SelectAttr compares a name and
	// jsonquery's SelectElement a key, neither is XPath.
	add(taintkit.Methods(XMLQueryPath, "Node", true, 1, "SelectElement", "SelectElements"))

	// gopkg.in/xmlpath.v2 and goxpath.
	add(taintkit.Funcs(XMLPathPath, 0, "Compile", "MustCompile"))
	add(taintkit.Funcs(GoXPathPath, 0, "Parse", "MustParse", "ParseExec"))
	add(taintkit.Funcs(GoXPathPath+"/parser", 0, "Parse"))

	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks),
		Sanitizers: taintkit.NumericSanitizers(),
	}
}
