// Package sha3 is a stub of golang.org/x/crypto/sha3.
package sha3

import "hash"

func Sum256(data []byte) [32]byte { return [32]byte{} }

func Sum512(data []byte) [64]byte { return [64]byte{} }

func New256() hash.Hash { return nil }

func ShakeSum256(hash, data []byte) {}
