package response

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/semver"
)

// git runs git's plumbing in the repository at root and returns its
// standard output. Only commands that read refs and objects are run (no
// checkout, hooks, filters, pager or signature checks), with the one
// command the repository's configuration could make them run
// (core.fsmonitor) disabled: the released code is read, never run.
func git(ctx context.Context, root string, args ...string) ([]byte, error) {
	full := append([]string{"--no-pager", "-C", root, "-c", "core.fsmonitor=false"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...) //sdl:ignore G204 -- git plumbing with fixed subcommands, no shell
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s: %w", args[0], msg, err)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

// LatestTag returns the repository's latest release tag: the highest
// semantic version among its tags ("v1.2.3" or "1.2.3"). For a module in
// a subdirectory, tags named after it ("sub/dir/v1.2.3", Go's convention
// for nested modules) are preferred. When no tag is a version, it is the
// first tag in git's version order.
func LatestTag(ctx context.Context, root, moduleDir string) (string, error) {
	out, err := git(ctx, root, "for-each-ref", "--sort=-version:refname", "--format=%(refname:strip=2)", "refs/tags")
	if err != nil {
		return "", fmt.Errorf("listing tags: %w", err)
	}
	tags := strings.Fields(string(out))
	if len(tags) == 0 {
		return "", fmt.Errorf("the repository at %s has no tags: name the release with --tag, --sbom or --gosum", root)
	}
	prefix := ""
	if moduleDir != "" && moduleDir != "." {
		prefix = path.Clean(moduleDir) + "/"
	}
	best, bestVersion := "", ""
	consider := func(tag, v string) {
		if !strings.HasPrefix(v, "v") {
			v = "v" + v
		}
		if !semver.IsValid(v) {
			return
		}
		if c := semver.Compare(v, bestVersion); best == "" || c > 0 || c == 0 && tag < best {
			best, bestVersion = tag, v
		}
	}
	if prefix != "" {
		for _, t := range tags {
			if rest, ok := strings.CutPrefix(t, prefix); ok {
				consider(t, rest)
			}
		}
	}
	if best == "" {
		for _, t := range tags {
			if !strings.Contains(t, "/") {
				consider(t, t)
			}
		}
	}
	if best == "" {
		best = tags[0]
	}
	return best, nil
}

// checkTagName refuses a tag name git would not accept, or read as an
// option.
func checkTagName(ctx context.Context, root, tag string) error {
	if tag == "" || strings.HasPrefix(tag, "-") || strings.ContainsAny(tag, ": \t\r\n") {
		return fmt.Errorf("bad tag name %q", tag)
	}
	if _, err := git(ctx, root, "check-ref-format", "refs/tags/"+tag); err != nil {
		return fmt.Errorf("bad tag name %q", tag)
	}
	return nil
}

// tagCommit returns the commit a tag points at (through annotated tags)
// and its commit time.
func tagCommit(ctx context.Context, root, tag string) (string, time.Time, error) {
	if err := checkTagName(ctx, root, tag); err != nil {
		return "", time.Time{}, err
	}
	out, err := git(ctx, root, "rev-parse", "--verify", "--quiet", "refs/tags/"+tag+"^{commit}")
	if err != nil {
		return "", time.Time{}, fmt.Errorf("tag %s: no such tag in the repository at %s", tag, root)
	}
	commit := strings.TrimSpace(string(out))
	obj, err := git(ctx, root, "cat-file", "commit", commit)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("tag %s: reading commit %s: %w", tag, commit, err)
	}
	t, err := committerTime(obj)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("tag %s: commit %s: %w", tag, commit, err)
	}
	return commit, t, nil
}

// committerTime reads the committer time from a raw commit object.
func committerTime(obj []byte) (time.Time, error) {
	for _, line := range strings.Split(string(obj), "\n") {
		if line == "" {
			break // the headers end
		}
		rest, ok := strings.CutPrefix(line, "committer ")
		if !ok {
			continue
		}
		// committer Name <email> 1700000000 +0100
		fields := strings.Fields(rest[strings.LastIndex(rest, ">")+1:])
		if len(fields) != 2 {
			break
		}
		secs, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			break
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	return time.Time{}, errors.New("no committer time")
}

// fileAt returns a file's content at a commit, or ok false when the
// commit has no such file. The blob is read as stored: no filter or
// textconv runs.
func fileAt(ctx context.Context, root, commit, file string) (data []byte, ok bool, err error) {
	spec := commit + ":" + file
	if _, err := git(ctx, root, "cat-file", "-e", spec); err != nil {
		return nil, false, nil
	}
	data, err = git(ctx, root, "cat-file", "blob", spec)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", spec, err)
	}
	return data, true, nil
}
