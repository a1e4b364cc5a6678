// Package hosts declares pattern constants in another package.
package hosts

const API = `api.example.com`

const Domain = `example\.com`
