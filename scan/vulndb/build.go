package vulndb

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// metadata is the content of MetadataFile.
type metadata struct {
	// Format is the version of this file's layout.
	Format int `json:"format"`
	// SourceModule is the module the records came from.
	SourceModule string `json:"source_module"`
	// SourceVersion is that module's version, "" when unknown.
	SourceVersion string `json:"source_version,omitempty"`
	// SourceTime is the commit time of SourceVersion, zero when unknown.
	SourceTime time.Time `json:"source_time"`
	// SourceDir is the directory the records were read from.
	SourceDir string `json:"source_dir"`
	// Records is the number of records in the archive.
	Records int `json:"records"`
	// Rejected is the number of source records left out.
	Rejected int `json:"rejected"`
	// NewestModified is the latest "modified" time among the records.
	NewestModified time.Time `json:"newest_modified"`
	// Built is when the database was written.
	Built time.Time `json:"built"`
	// Zip is the archive's path relative to the database directory.
	Zip string `json:"zip"`
	// ZipSHA256 is the hex-encoded SHA-256 digest of the archive.
	ZipSHA256 string `json:"zip_sha256"`
	// Validator names the decoder Build validated every record with.
	Validator string `json:"validator,omitempty"`
}

const metadataFormat = 1

// validator names how Build validates records: Check trusts an archive
// whose digest matches metadata written with the same validator, and
// decodes every record of any other.
const validator = "osv-schema protojson, strict (osv-scanner v2.5.0)"

// Build reads the OSV records of the Go vulnerability database from srcDir
// and writes them as osv-scanner's offline database for the Go ecosystem in
// dbDir (at ZipPath(dbDir)), with a metadata file (MetadataPath(dbDir)).
//
// srcDir is either a copy of the golang.org/x/vulndb module, whose records
// are srcDir/data/osv/*.json, or a directory holding *.json records itself
// (subdirectories are not read). Each record is decoded the way osv-scanner
// decodes it and must have an id, a modified time and at least one affected
// package, every one in the Go ecosystem; records that fail, and records
// repeating an id already seen, are left out and listed in Info.Rejected
// with the reason. Records that pass are stored byte for byte, except that
// the placeholder published time of the module's records is replaced by
// the date in the report beside them (data/reports/ID.yaml), when there is
// one.
//
// Build fails when srcDir holds no *.json file or no valid record. Both
// files are written atomically (a temporary file renamed into place), so a
// reader sees either the old database or the new one. Info.Source is the
// module version when srcDir is a module cache directory
// (".../golang.org/x/vulndb@VERSION").
func Build(ctx context.Context, srcDir, dbDir string) (*Info, error) {
	built := time.Now().UTC().Truncate(time.Second)
	if dbDir == "" {
		return nil, errors.New("vulndb: build: empty database directory")
	}
	recDir, err := recordDir(srcDir)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(recDir)
	if err != nil {
		return nil, fmt.Errorf("vulndb: build: read records: %w", err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("vulndb: build: no *.json records in %s", recDir)
	}
	slices.Sort(names)

	data := make([][]byte, len(names))
	recs, errs := decodeAll(len(names), func(i int) ([]byte, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		//sdl:ignore G304 -- a record file listed in the source directory the user gave
		b, err := os.ReadFile(filepath.Join(recDir, names[i]))
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		if len(b) > maxRecordSize {
			return nil, fmt.Errorf("file is %d bytes, more than the %d allowed", len(b), maxRecordSize)
		}
		data[i] = b
		return b, nil
	})
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("vulndb: build: %w", err)
	}

	// The module's records carry a placeholder published time; the
	// reports beside them say when each advisory was published.
	reportsDir := filepath.Join(filepath.Dir(recDir), "reports")
	info := &Info{Dir: dbDir, Path: ZipPath(dbDir), Built: built}
	info.Source, info.SourceTime = moduleVersion(srcDir)
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	seen := make(map[string]string, len(names))
	for i, name := range names {
		file := filepath.Join(recDir, name)
		if errs[i] == nil {
			if prev, dup := seen[recs[i].id]; dup {
				errs[i] = fmt.Errorf("repeats id %s of %s", recs[i].id, prev)
			}
		}
		if errs[i] != nil {
			info.Rejected = append(info.Rejected, Rejected{File: file, ID: recs[i].id, Reason: errs[i].Error()})
			continue
		}
		seen[recs[i].id] = file
		data[i] = withPublished(data[i], reportsDir, recs[i].id)
		// A zero modification time and a fixed order keep the archive
		// reproducible: the same records give the same digest.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return nil, fmt.Errorf("vulndb: build: add %s to archive: %w", name, err)
		}
		if _, err := w.Write(data[i]); err != nil {
			return nil, fmt.Errorf("vulndb: build: add %s to archive: %w", name, err)
		}
		info.Records++
		if recs[i].modified.After(info.Newest) {
			info.Newest = recs[i].modified
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("vulndb: build: close archive: %w", err)
	}
	if info.Records == 0 {
		return info, fmt.Errorf("vulndb: build: none of the %d records in %s is valid (first: %s: %s)",
			len(names), recDir, info.Rejected[0].File, info.Rejected[0].Reason)
	}
	sum := sha256.Sum256(zbuf.Bytes())
	info.SHA256 = hex.EncodeToString(sum[:])

	meta := metadata{
		Format:         metadataFormat,
		SourceModule:   ModulePath,
		SourceVersion:  info.Source,
		SourceTime:     info.SourceTime,
		SourceDir:      recDir,
		Records:        info.Records,
		Rejected:       len(info.Rejected),
		NewestModified: info.Newest,
		Built:          info.Built,
		Zip:            filepath.ToSlash(filepath.Join("osv-scalibr", Ecosystem, "all.zip")),
		ZipSHA256:      info.SHA256,
		Validator:      validator,
	}
	mdata, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("vulndb: build: encode metadata: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("vulndb: build: %w", err)
	}
	if err := writeFileAtomic(info.Path, zbuf.Bytes()); err != nil {
		return nil, fmt.Errorf("vulndb: build: write archive: %w", err)
	}
	if err := writeFileAtomic(MetadataPath(dbDir), append(mdata, '\n')); err != nil {
		return nil, fmt.Errorf("vulndb: build: write metadata: %w", err)
	}
	return info, nil
}

// zeroPublished is the placeholder published time of the records in the
// golang.org/x/vulndb module.
var zeroPublished = []byte(`"published": "0001-01-01T00:00:00Z"`)

// withPublished returns record with its placeholder published time replaced
// by the date its report in reportsDir gives (the report's top-level
// "published:" or, for newer reports, "source: created:"), so that the
// response phase can count fix deadlines from the disclosure. The record is
// otherwise unchanged; without a placeholder or a date, it is returned as
// it is.
func withPublished(record []byte, reportsDir, id string) []byte {
	if !bytes.Contains(record, zeroPublished) {
		return record
	}
	//sdl:ignore G304 -- a report of the vulnerability database being built
	report, err := os.ReadFile(filepath.Join(reportsDir, id+".yaml"))
	if err != nil {
		return record
	}
	t := reportPublished(report)
	if t.IsZero() {
		return record
	}
	stamp := []byte(`"published": "` + t.UTC().Format(time.RFC3339) + `"`)
	return bytes.Replace(record, zeroPublished, stamp, 1)
}

// reportPublished reads the publication time of a golang.org/x/vulndb
// report: its top-level published field, else source.created.
func reportPublished(report []byte) time.Time {
	var created time.Time
	inSource := false
	for _, line := range strings.Split(string(report), "\n") {
		line = strings.TrimRight(line, "\r")
		if v, ok := strings.CutPrefix(line, "published:"); ok {
			if t, err := time.Parse(time.RFC3339, strings.TrimSpace(v)); err == nil {
				return t
			}
		}
		if line != "" && line[0] != ' ' {
			inSource = line == "source:"
			continue
		}
		if v, ok := strings.CutPrefix(line, "    created:"); ok && inSource {
			if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(v)); err == nil {
				created = t
			}
		}
	}
	return created
}

// recordDir returns the directory holding the records of srcDir: its
// data/osv subdirectory when there is one, else srcDir itself.
func recordDir(srcDir string) (string, error) {
	if srcDir == "" {
		return "", errors.New("vulndb: build: empty source directory")
	}
	sub := filepath.Join(srcDir, "data", "osv")
	if fi, err := os.Stat(sub); err == nil && fi.IsDir() {
		return sub, nil
	}
	fi, err := os.Stat(srcDir)
	if err != nil {
		return "", fmt.Errorf("vulndb: build: source: %w", err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("vulndb: build: source %s is not a directory", srcDir)
	}
	return srcDir, nil
}

// moduleVersion returns the version of golang.org/x/vulndb that srcDir
// holds when srcDir is (or is data/osv inside) a module cache directory
// named "vulndb@VERSION", else "", and the version's commit time when it is
// a pseudo-version, else the zero time.
func moduleVersion(srcDir string) (string, time.Time) {
	dir := filepath.Clean(srcDir)
	if filepath.Base(dir) == "osv" && filepath.Base(filepath.Dir(dir)) == "data" {
		dir = filepath.Dir(filepath.Dir(dir))
	}
	name, version, ok := strings.Cut(filepath.Base(dir), "@")
	if !ok || name != path.Base(ModulePath) || !semver.IsValid(version) {
		return "", time.Time{}
	}
	return version, versionTime(version)
}

// versionTime returns the commit time of a pseudo-version, or the zero time
// for other versions.
func versionTime(version string) time.Time {
	if !module.IsPseudoVersion(version) {
		return time.Time{}
	}
	t, err := module.PseudoVersionTime(version)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// writeFileAtomic writes data to file through a temporary file in the same
// directory, synced and then renamed over file, creating the directory if
// needed.
func writeFileAtomic(file string, data []byte) (err error) {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("create directory: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(file)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("chmod %s: %w", tmp, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return fmt.Errorf("rename %s to %s: %w", tmp, file, err)
	}
	// Make the rename durable; not every platform can sync a directory, and
	// the file itself is already complete, so a failure here is ignored.
	//sdl:ignore G304 -- the database directory, opened only to sync it
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
