// Package shellescape is a stub of github.com/alessio/shellescape.
package shellescape

func Quote(s string) string             { return s }
func QuoteCommand(args []string) string { return "" }
