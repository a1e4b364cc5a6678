package a

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"

	"golang.org/x/oauth2"
	o2 "golang.org/x/oauth2"

	fake "example.com/fake/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", RedirectURL: "https://app/callback"}

const stateConst = "xyz"

var oauthStateString = "pseudo-random"

type provider struct {
	*oauth2.Config
	state string
}

func literal(w http.ResponseWriter, r *http.Request) {
	url := conf.AuthCodeURL("state", oauth2.AccessTypeOffline) // want `OAuth2 state passed to AuthCodeURL is the constant "state"`
	http.Redirect(w, r, url, http.StatusFound)
}

func empty() string {
	return conf.AuthCodeURL("") // want `OAuth2 state passed to AuthCodeURL is empty`
}

func named() string {
	return conf.AuthCodeURL(stateConst) // want `is the constant "xyz"`
}

func packageVar() string {
	return conf.AuthCodeURL(oauthStateString) // want `is the constant "pseudo-random"`
}

func localVar(c *o2.Config) string {
	state := "a"
	if c.ClientID == "" {
		state = "b"
	}
	return c.AuthCodeURL(state, o2.ApprovalForce) // want `is the constant "a"`
}

func zeroVar(c oauth2.Config) string {
	var state string
	return c.AuthCodeURL(state) // want `is empty`
}

func fixedState() string { return "fixed" }

func helperConst() string {
	return conf.AuthCodeURL(fixedState()) // want `is the constant "fixed"`
}

func embedded(p provider) string {
	return p.AuthCodeURL("s") // want `is the constant "s"`
}

func methodValue() string {
	authURL := conf.AuthCodeURL
	return authURL("s") // want `is the constant "s"`
}

func methodExpr() string {
	return (*oauth2.Config).AuthCodeURL(conf, "s") // want `is the constant "s"`
}

func loginURL(c *oauth2.Config, state string) string {
	return c.AuthCodeURL(state, oauth2.AccessTypeOnline)
}

func viaWrapper() {
	_ = loginURL(conf, "random") // want `OAuth2 state passed to loginURL \(and on to AuthCodeURL\) is the constant "random"`
	_ = loginURL(conf, randomState())
}

func overridden() string {
	return conf.AuthCodeURL(randomState(), oauth2.SetAuthURLParam("state", "x")) // want `OAuth2 state passed to SetAuthURLParam is the constant "x"`
}

// Quiet.

func randomState() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func random(w http.ResponseWriter, r *http.Request) {
	state := randomState()
	http.SetCookie(w, &http.Cookie{Name: "state", Value: state})
	http.Redirect(w, r, conf.AuthCodeURL(state), http.StatusFound)
}

func reassigned() string {
	state := "x"
	state = randomState()
	return conf.AuthCodeURL(state)
}

func fromParam(state string) string { return conf.AuthCodeURL(state) }

func fromField(p provider) string { return p.AuthCodeURL(p.state) }

func fromRequest(r *http.Request) string {
	return conf.AuthCodeURL(r.URL.Query().Get("next"))
}

func pkce() string {
	verifier := oauth2.GenerateVerifier()
	return conf.AuthCodeURL("state", oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier))
}

func pkceOptions(verifier string) string {
	opts := []oauth2.AuthCodeOption{oauth2.AccessTypeOffline}
	opts = append(opts, oauth2.SetAuthURLParam("code_challenge", verifier))
	return conf.AuthCodeURL("", opts...)
}

func pkceElsewhere() (string, string) {
	verifier := oauth2.GenerateVerifier()
	withPKCE := conf.AuthCodeURL("s", oauth2.S256ChallengeOption(verifier))
	return withPKCE, conf.AuthCodeURL("s") // want `is the constant "s"`
}

func otherParams() string {
	return conf.AuthCodeURL(randomState(), oauth2.SetAuthURLParam("prompt", "login"))
}

func lookalike() string {
	c := &fake.Config{}
	_ = fake.SetAuthURLParam("state", "x")
	return c.AuthCodeURL("state")
}
