// Package pathtraversal defines sdlkit's path traversal taint rule:
// untrusted input used as the name of a file that is read, written,
// removed or served, through gosec's taint engine.
//
// # Analyzer pathtraversal
//
// pathtraversal: untrusted input names a file that is opened, written, removed or served (os, net/http, gin, echo, fiber)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules through local variables, concatenation, fmt.Sprintf, filepath.Join
// and path.Join, struct fields and the package's own helpers to the file
// name of:
//
//   - the file functions of os (Open, OpenFile, Create, ReadFile, WriteFile,
//     Remove, RemoveAll, Rename, Mkdir, MkdirAll, MkdirTemp, CreateTemp,
//     Stat, Lstat, Chmod, Chown, Lchown, Chtimes, Truncate, Link, Symlink,
//     Readlink, ReadDir, DirFS), io/ioutil (ReadFile, WriteFile, ReadDir),
//     filepath.Walk and filepath.WalkDir;
//   - file serving: http.ServeFile and http.ServeFileFS (the name, not the
//     file system), gin's (*Context).File, FileAttachment and
//     SaveUploadedFile, echo's Context.File, Attachment and Inline (v4 and v5), and
//     fiber's SendFile, Download and SaveFile (v2 and v3).
//
// Only the argument that names a file is checked: the bytes written by
// os.WriteFile and the download name of FileAttachment are not paths.
//
// filepath.Base and path.Base end the flow, since their result has no
// directory part; so do filepath.Rel (whose result a containment check
// then tests for a leading "..") and filepath.Localize (which rejects a
// path that is not local), and the numeric conversions. filepath.Clean and
// filepath.Abs do not: Clean("/srv/files/" + "../../etc/passwd") is
// "/etc/passwd". The engine sees calls, not conditions: a check such as
// strings.HasPrefix(p, root) or filepath.IsLocal(p) before the call does
// not end the flow, so confine the name with filepath.Base after choosing
// the root directory yourself, or open it through os.Root (os.OpenRoot,
// os.OpenInRoot), http.Dir or an fs.FS, which refuse to leave their root
// and are not sinks.
//
// This rule supersedes gosec's G703, which knows the os and io/ioutil
// functions and http.ServeFile only: when both are enabled, the suite runs
// this rule in place of G703.
//
// # Why it matters
//
// A file name taken from the request lets an attacker step out of the
// directory the handler meant to serve with "../" sequences or an absolute
// path: reading /etc/passwd, the service's own configuration and keys, or
// overwriting and deleting files the service can write.
//
// # Insecure example
//
//	func download(c *gin.Context) {
//		c.File(filepath.Join("/srv/files", c.Query("name")))
//	}
//
// # Fixed example
//
//	func download(c *gin.Context) {
//		c.File(filepath.Join("/srv/files", filepath.Base(c.Query("name"))))
//	}
//
// # References
//
//   - CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal'), https://cwe.mitre.org/data/definitions/22.html
//   - OWASP Path Traversal, https://owasp.org/www-community/attacks/Path_Traversal
//   - Go blog, Traversal-resistant file APIs, https://go.dev/blog/osroot
package pathtraversal
