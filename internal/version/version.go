// Package version reports the version of the sdlkit binary.
package version

import "runtime/debug"

// String returns the module version the binary was built from
// ("v1.2.3"), or "devel" for a build from a work tree.
func String() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
