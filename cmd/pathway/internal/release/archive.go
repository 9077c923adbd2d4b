package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"io"
	"time"

	"pathway/cmd/pathway/internal/kit"
)

// The archives are reproducible: the files in a fixed order (kit.Sort),
// every time the same (the last commit's), no owner, no user or host
// name, and gzip's and zip's headers without a time of their own.

// tarGz writes files as a gzipped tar, each under prefix.
func tarGz(files []kit.File, prefix string, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{
			Name:    prefix + f.Name,
			Mode:    int64(f.Mode.Perm()),
			ModTime: mtime,
			Format:  tar.FormatPAX,
		}
		if f.Mode.IsDir() {
			h.Typeflag = tar.TypeDir
			h.Name += "/"
		} else {
			h.Typeflag = tar.TypeReg
			h.Size = int64(len(f.Data))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipped writes files as a zip, each under prefix, with Unix modes kept
// (so that unzip on Linux and macOS leaves the programs runnable),
// compressed at level (flate.BestCompression for an archive, the default
// for the kit: five programs, where the best level costs much time for
// little).
func zipped(files []kit.File, prefix string, mtime time.Time, level int) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, level)
	})
	for _, f := range files {
		h := &zip.FileHeader{Name: prefix + f.Name, Method: zip.Deflate, Modified: mtime.UTC()}
		h.SetMode(f.Mode)
		if f.Mode.IsDir() {
			h.Name += "/"
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
