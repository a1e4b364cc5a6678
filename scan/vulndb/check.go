package vulndb

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// Check verifies that dbDir holds a usable Go vulnerability database for
// osv-scanner and describes it. It fails closed: it returns an error naming
// the archive's path when the archive is missing (the error then matches
// fs.ErrNotExist), unreadable or not a zip archive, when it holds no record,
// or when any record would not be used by osv-scanner (it does not decode,
// or lacks an id, a modified time or a Go affected package). It also fails
// when the metadata file exists but cannot be read or describes another
// archive (its digest differs), for instance when an update was interrupted
// between writing the archive and writing the metadata.
//
// Check reads the whole archive and checks its digest. It decodes every
// record unless the metadata file says Build validated this very archive
// (same digest) with the same decoder; decoding the full Go vulnerability
// database takes about a sixth of a second, the digest a few milliseconds.
func Check(dbDir string) (*Info, error) {
	if dbDir == "" {
		return nil, errors.New("vulndb: check: empty database directory")
	}
	path := ZipPath(dbDir)
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("vulndb: no vulnerability database at %s (osv-scanner would report no vulnerabilities): %w", path, err)
		}
		return nil, fmt.Errorf("vulndb: vulnerability database %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("vulndb: vulnerability database %s is not a regular file", path)
	}
	//sdl:ignore G304 -- the database archive the user configured
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("vulndb: read vulnerability database %s: %w", path, err)
	}
	sum := sha256.Sum256(data)
	info := &Info{Dir: dbDir, Path: path, SHA256: hex.EncodeToString(sum[:]), Built: fi.ModTime().UTC()}

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("vulndb: vulnerability database %s is not a zip archive: %w", path, err)
	}
	// osv-scanner reads only the *.json entries.
	var files []*zip.File
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".json") {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("vulndb: vulnerability database %s holds no records", path)
	}
	// An archive Build wrote and validated, unchanged since (its digest
	// matches the metadata), need not be decoded again.
	meta, err := readMetadata(dbDir, info)
	if err != nil {
		return nil, err
	}
	if meta != nil && meta.Validator == validator && meta.Records == len(files) {
		info.Records, info.Newest = meta.Records, meta.NewestModified
	} else if err := decodeRecords(files, info); err != nil {
		return nil, err
	}
	if meta != nil {
		info.Source = meta.SourceVersion
		info.SourceTime = meta.SourceTime
		info.Built = meta.Built
	}
	return info, nil
}

// readMetadata reads the metadata file of dbDir, or returns nil when there
// is none; metadata describing another archive than info's is an error.
func readMetadata(dbDir string, info *Info) (*metadata, error) {
	mpath := MetadataPath(dbDir)
	//sdl:ignore G304 -- the metadata file beside the database archive
	mdata, err := os.ReadFile(mpath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("vulndb: read database metadata: %w", err)
	}
	var meta metadata
	if err := json.Unmarshal(mdata, &meta); err != nil {
		return nil, fmt.Errorf("vulndb: database metadata %s: %w", mpath, err)
	}
	if meta.ZipSHA256 != info.SHA256 {
		return nil, fmt.Errorf("vulndb: database metadata %s describes another archive than %s (sha256 %s, archive has %s); rebuild the database",
			mpath, info.Path, meta.ZipSHA256, info.SHA256)
	}
	return &meta, nil
}

// decodeRecords decodes every record of the archive as osv-scanner would
// and counts them into info; any unusable record is an error.
func decodeRecords(files []*zip.File, info *Info) error {
	path := info.Path
	recs, errs := decodeAll(len(files), func(i int) ([]byte, error) { return readZipEntry(files[i]) })
	var bad []string
	seen := make(map[string]bool, len(files))
	for i, f := range files {
		if errs[i] == nil && seen[recs[i].id] {
			errs[i] = fmt.Errorf("repeats id %s", recs[i].id)
		}
		if errs[i] != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", f.Name, errs[i]))
			continue
		}
		seen[recs[i].id] = true
		info.Records++
		if recs[i].modified.After(info.Newest) {
			info.Newest = recs[i].modified
		}
	}
	if len(bad) > 0 {
		const show = 3
		more := ""
		if len(bad) > show {
			more = fmt.Sprintf("; and %d more", len(bad)-show)
			bad = bad[:show]
		}
		return fmt.Errorf("vulndb: vulnerability database %s: %d of %d records are unusable: %s%s",
			path, len(errs)-info.Records, len(files), strings.Join(bad, "; "), more)
	}

	return nil
}
