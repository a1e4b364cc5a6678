// Package vulndb builds, fetches and checks the offline Go vulnerability
// database that sdlkit's dependency scan hands to osv-scanner.
//
// The records come from the Go vulnerability database, which the Go module
// proxy serves as the module golang.org/x/vulndb (its data/osv/*.json files
// are OSV records). [Fetch] downloads that module through the module proxy,
// [Build] turns its records into the local database layout that
// osv-scanner v2.5.0 reads in offline mode, and [Check] verifies before a scan
// that the database is present and usable.
//
// # Where osv-scanner v2.5.0 reads the database
//
// With osvscanner.ScannerActions{CompareOffline: true, LocalDBPath: dir},
// osv-scanner (through osv-scalibr's vulnmatch/osvlocal enricher) reads the
// Go ecosystem's records from
//
//	<dir>/osv-scalibr/Go/all.zip
//
// a zip archive holding one OSV JSON record per *.json entry; no other file
// (no timestamp, no checksum) is read in offline mode. See [ZipPath].
//
// osv-scanner fails open in two ways that this package guards against:
//
//   - When all.zip is missing, the scan logs an error and returns no
//     vulnerabilities and no error. Call [Check] before scanning.
//   - A record that does not decode with protojson into the osv-schema
//     Vulnerability message (an unknown field, an unknown enum value such as
//     a new reference type, a malformed timestamp) is skipped silently.
//     [Build] and [Check] decode records with the same strict decoder and
//     report every such record instead.
package vulndb

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	osvpb "github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/encoding/protojson"
)

const (
	// ModulePath is the module path under which the Go module proxy serves
	// the Go vulnerability database.
	ModulePath = "golang.org/x/vulndb"

	// Ecosystem is the OSV ecosystem name of Go modules. osv-scanner names
	// the database directory after it, and every affected package of a
	// record in the database must carry it.
	Ecosystem = "Go"

	// MetadataFile is the name, inside the database directory, of the
	// metadata file that Build writes beside osv-scanner's files.
	MetadataFile = "sdlkit-vulndb.json"

	// maxRecordSize bounds the size of one OSV record. Records of the Go
	// vulnerability database are a few kilobytes; the bound keeps a corrupt
	// or hostile archive from exhausting memory.
	maxRecordSize = 8 << 20
)

// ZipPath returns the path of the archive that osv-scanner v2.5.0 reads for
// the Go ecosystem when it runs with CompareOffline and LocalDBPath set to
// dbDir: dbDir/osv-scalibr/Go/all.zip.
func ZipPath(dbDir string) string {
	return filepath.Join(dbDir, "osv-scalibr", Ecosystem, "all.zip")
}

// MetadataPath returns the path of the metadata file that Build writes in
// dbDir.
func MetadataPath(dbDir string) string {
	return filepath.Join(dbDir, MetadataFile)
}

// Info describes a database that Build wrote or Check verified.
type Info struct {
	// Dir is the database directory, the value to pass to osv-scanner as
	// LocalDBPath.
	Dir string `json:"dir"`
	// Path is the archive osv-scanner reads (see ZipPath).
	Path string `json:"path"`
	// Records is the number of OSV records in the archive.
	Records int `json:"records"`
	// Newest is the latest "modified" time among the records; it is zero
	// when no record has one. The records of the golang.org/x/vulndb module
	// all carry the placeholder 0001-01-01T00:00:00Z (the zero time) as
	// their modified and published times, which the Go team fills in only
	// when it publishes the database at vuln.go.dev; for a database built
	// from the module, SourceTime says how current it is.
	Newest time.Time `json:"newest"`
	// Source is the version of the golang.org/x/vulndb module the records
	// came from, or "" when it is not known.
	Source string `json:"source,omitempty"`
	// SourceTime is the commit time of Source, taken from its
	// pseudo-version, or zero when it is not known.
	SourceTime time.Time `json:"source_time"`
	// Built is when Build wrote the database. Check takes it from the
	// metadata file, or from the archive's modification time when there is
	// no metadata file.
	Built time.Time `json:"built"`
	// SHA256 is the hex-encoded SHA-256 digest of the archive.
	SHA256 string `json:"sha256"`
	// Rejected lists the source records that Build left out of the
	// database, with the reason for each. Check never sets it: a database
	// with a bad record fails the check.
	Rejected []Rejected `json:"rejected,omitempty"`
}

// Rejected is a source record that failed validation.
type Rejected struct {
	// File is the path of the record's file.
	File string `json:"file"`
	// ID is the record's id, when it could be read.
	ID string `json:"id,omitempty"`
	// Reason says why the record was rejected.
	Reason string `json:"reason"`
}

// record is a validated OSV record.
type record struct {
	id       string
	modified time.Time
}

// decodeRecord decodes data exactly as osv-scanner v2.5.0 does (strict
// protojson into the osv-schema Vulnerability message, so unknown fields and
// enum values are errors) and checks what the database needs of a record: an
// id, a modified time, and at least one affected package, every one of them
// a named package in the Go ecosystem. (osv-scalibr panics on an affected
// ecosystem it does not know, so a stray ecosystem is not harmless.)
// It returns the record's id, when known, even when validation fails.
func decodeRecord(data []byte) (record, error) {
	var v osvpb.Vulnerability
	if err := protojson.Unmarshal(data, &v); err != nil {
		return record{}, fmt.Errorf("does not decode as an OSV record (osv-scanner would skip it silently): %w", err)
	}
	r := record{id: v.GetId()}
	if r.id == "" {
		return r, fmt.Errorf("has no id")
	}
	if v.GetModified() == nil {
		return r, fmt.Errorf("has no modified time")
	}
	r.modified = v.GetModified().AsTime().UTC()
	if len(v.GetAffected()) == 0 {
		return r, fmt.Errorf("has no affected package")
	}
	for i, a := range v.GetAffected() {
		p := a.GetPackage()
		switch {
		case p == nil:
			return r, fmt.Errorf("affected[%d] has no package", i)
		case p.GetEcosystem() != Ecosystem:
			return r, fmt.Errorf("affected[%d] package %q has ecosystem %q, want %q", i, p.GetName(), p.GetEcosystem(), Ecosystem)
		case p.GetName() == "":
			return r, fmt.Errorf("affected[%d] package has no name", i)
		}
	}
	return r, nil
}

// decodeAll decodes n records in parallel; load(i) returns the bytes of
// record i. It returns one record and one error per index.
func decodeAll(n int, load func(i int) ([]byte, error)) ([]record, []error) {
	recs := make([]record, n)
	errs := make([]error, n)
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				data, err := load(i)
				if err != nil {
					errs[i] = err
					continue
				}
				recs[i], errs[i] = decodeRecord(data)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return recs, errs
}

// readZipEntry reads one archive entry, refusing entries larger than
// maxRecordSize.
func readZipEntry(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxRecordSize {
		return nil, fmt.Errorf("entry is %d bytes, more than the %d allowed", f.UncompressedSize64, maxRecordSize)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open entry: %w", err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(f.UncompressedSize64))
	if _, err := io.Copy(&buf, io.LimitReader(rc, maxRecordSize+1)); err != nil {
		return nil, fmt.Errorf("read entry: %w", err)
	}
	if buf.Len() > maxRecordSize {
		return nil, fmt.Errorf("entry is more than the %d bytes allowed", maxRecordSize)
	}
	return buf.Bytes(), nil
}

// DataTime returns how current the database's data is: the commit time of
// its golang.org/x/vulndb source when known, else the newest record's
// modified time, else when it was built.
func (i *Info) DataTime() time.Time {
	switch {
	case !i.SourceTime.IsZero():
		return i.SourceTime
	case !i.Newest.IsZero():
		return i.Newest
	}
	return i.Built
}

// CheckAge fails when the database's data (see DataTime) is more than
// maxAge older than now: a stale database misses every advisory published
// since, which is failing open. A maxAge of zero or less accepts any age.
func (i *Info) CheckAge(maxAge time.Duration, now time.Time) error {
	if maxAge <= 0 {
		return nil
	}
	t := i.DataTime()
	if age := now.Sub(t); age > maxAge {
		return fmt.Errorf("vulndb: the vulnerability database at %s is from %s, %d days old, older than the %d days allowed (run sdl vulndb update)",
			i.Dir, t.Format("2006-01-02"), int(age.Hours()/24), int(maxAge.Hours()/24))
	}
	return nil
}
