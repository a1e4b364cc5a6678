// Package analyzers is the registry of sdlkit's own go/analysis
// analyzers, one package each under analyzers/, and of our taint rules,
// which run inside the gosec adapter on gosec's taint engine. It
// deliberately does not link gosec's rules (whose package costs tens of
// milliseconds to initialise in every process), only its taint engine;
// analyzers/suite combines both for the drivers.
package analyzers

import (
	"cmp"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/bodylimit"
	"github.com/sdlkit/sdlkit/analyzers/cmdinjection"
	"github.com/sdlkit/sdlkit/analyzers/cookieflags"
	"github.com/sdlkit/sdlkit/analyzers/corscredentials"
	"github.com/sdlkit/sdlkit/analyzers/errorexposure"
	"github.com/sdlkit/sdlkit/analyzers/grpcinsecure"
	"github.com/sdlkit/sdlkit/analyzers/hostregexp"
	"github.com/sdlkit/sdlkit/analyzers/httptimeout"
	"github.com/sdlkit/sdlkit/analyzers/httpurl"
	"github.com/sdlkit/sdlkit/analyzers/jwtverify"
	"github.com/sdlkit/sdlkit/analyzers/loginjection"
	"github.com/sdlkit/sdlkit/analyzers/mailheader"
	"github.com/sdlkit/sdlkit/analyzers/oauthstate"
	"github.com/sdlkit/sdlkit/analyzers/oidcskip"
	"github.com/sdlkit/sdlkit/analyzers/openredirect"
	"github.com/sdlkit/sdlkit/analyzers/passwordhash"
	"github.com/sdlkit/sdlkit/analyzers/pathtraversal"
	"github.com/sdlkit/sdlkit/analyzers/plaintextlisten"
	"github.com/sdlkit/sdlkit/analyzers/secretlog"
	"github.com/sdlkit/sdlkit/analyzers/sqlinjection"
	"github.com/sdlkit/sdlkit/analyzers/sqlstring"
	"github.com/sdlkit/sdlkit/analyzers/ssrf"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/analyzers/templateinjection"
	"github.com/sdlkit/sdlkit/analyzers/tlsminversion"
	"github.com/sdlkit/sdlkit/analyzers/wsorigin"
	"github.com/sdlkit/sdlkit/analyzers/xpathinjection"
	"github.com/sdlkit/sdlkit/analyzers/xss"
	"github.com/sdlkit/sdlkit/finding"
)

// Checker is one of our analyzers with the rule it reports.
type Checker struct {
	Analyzer *analysis.Analyzer
	Rule     finding.Rule
}

// All returns our analyzers in rule ID order.
func All() []Checker {
	cs := []Checker{
		{bodylimit.Analyzer, bodylimit.Rule},
		{cookieflags.Analyzer, cookieflags.Rule},
		{corscredentials.Analyzer, corscredentials.Rule},
		{errorexposure.Analyzer, errorexposure.Rule},
		{grpcinsecure.Analyzer, grpcinsecure.Rule},
		{hostregexp.Analyzer, hostregexp.Rule},
		{httptimeout.Analyzer, httptimeout.Rule},
		{httpurl.Analyzer, httpurl.Rule},
		{jwtverify.Analyzer, jwtverify.Rule},
		{oauthstate.Analyzer, oauthstate.Rule},
		{oidcskip.Analyzer, oidcskip.Rule},
		{passwordhash.Analyzer, passwordhash.Rule},
		{plaintextlisten.Analyzer, plaintextlisten.Rule},
		{secretlog.Analyzer, secretlog.Rule},
		{sqlstring.Analyzer, sqlstring.Rule},
		{tlsminversion.Analyzer, tlsminversion.Rule},
		{wsorigin.Analyzer, wsorigin.Rule},
	}
	slices.SortFunc(cs, func(a, b Checker) int { return cmp.Compare(a.Rule.ID, b.Rule.ID) })
	return cs
}

// Taint returns our taint rules in rule ID order. They are not analyzers
// of their own: the gosec adapter runs them (gosec.Config.Taint).
func Taint() []taintkit.Rule {
	rs := []taintkit.Rule{
		sqlinjection.Rule,
		loginjection.Rule,
		openredirect.Rule,
		pathtraversal.Rule,
		ssrf.Rule,
		xss.Rule,
		xpathinjection.Rule,
		mailheader.Rule,
		cmdinjection.Rule,
		templateinjection.Rule,
	}
	slices.SortFunc(rs, func(a, b taintkit.Rule) int { return cmp.Compare(a.Rule.ID, b.Rule.ID) })
	return rs
}
