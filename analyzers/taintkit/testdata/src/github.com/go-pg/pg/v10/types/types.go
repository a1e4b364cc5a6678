// Package types is a stub of github.com/go-pg/pg/v10/types.
package types

// Safe is text that is not escaped.
type Safe string

// Ident is a quoted identifier.
type Ident string
