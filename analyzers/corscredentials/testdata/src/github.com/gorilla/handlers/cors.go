// Package handlers is a stub of github.com/gorilla/handlers v1.5.2.
package handlers

import "net/http"

type cors struct{}

type CORSOption func(*cors) error

type OriginValidator func(string) bool

func CORS(opts ...CORSOption) func(http.Handler) http.Handler { return nil }
func AllowedHeaders(headers []string) CORSOption              { return nil }
func AllowedMethods(methods []string) CORSOption              { return nil }
func AllowedOrigins(origins []string) CORSOption              { return nil }
func AllowedOriginValidator(fn OriginValidator) CORSOption    { return nil }
func AllowCredentials() CORSOption                            { return nil }
