// Package oauth2 is a look-alike of golang.org/x/oauth2 in another path.
package oauth2

type Config struct{ ClientID string }

func (c *Config) AuthCodeURL(state string, opts ...string) string { return "" }

func SetAuthURLParam(key, value string) string { return "" }
