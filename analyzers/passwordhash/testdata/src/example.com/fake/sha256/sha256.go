// Package sha256 is a look-alike of crypto/sha256 (say, a slow wrapper).
package sha256

func Sum256(data []byte) [32]byte { return [32]byte{} }

type Hasher struct{}

func (h *Hasher) Write(p []byte) (int, error) { return len(p), nil }
