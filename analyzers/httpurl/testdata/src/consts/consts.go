// Package consts declares URLs in another package.
package consts

// Legacy is a plaintext endpoint.
const Legacy = "http://legacy.example.com/api"

// Secure is a TLS endpoint.
const Secure = "https://api.example.com"
