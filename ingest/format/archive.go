package format

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// CheckArchive reads every entry of the zip archive at path (an XLSX workbook is one) through a
// decompressor, without keeping it, and fails with ErrEntryTooLarge when an entry inflates beyond
// lim.MaxEntry bytes (the sizes the archive states are not trusted: they can lie) or when an XML
// entry holds one text longer than lim.MaxRecord bytes (a shared string expanding to 1 GB). Call
// it before handing the archive to a library that loads parts whole (excelize): a small file can
// otherwise take gigabytes.
func CheckArchive(path string, lim Limits) error {
	lim = lim.WithDefaults()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	buf := make([]byte, 256<<10)
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		xml := strings.HasSuffix(strings.ToLower(f.Name), ".xml") || strings.HasSuffix(strings.ToLower(f.Name), ".rels")
		var total int64
		run := 0 // bytes since the last '<': the text being read
		for {
			n, err := rc.Read(buf)
			total += int64(n)
			if total > lim.MaxEntry {
				rc.Close()
				return fmt.Errorf("%w: %s inflates beyond %d bytes (raise --max-entry to read it)", ErrEntryTooLarge, f.Name, lim.MaxEntry)
			}
			if xml {
				for b := buf[:n]; ; {
					i := bytes.IndexByte(b, '<')
					if i < 0 {
						run += len(b)
						break
					}
					if run+i > lim.MaxRecord {
						run += i
						break
					}
					run, b = 0, b[i+1:]
				}
				if run > lim.MaxRecord {
					rc.Close()
					return fmt.Errorf("%w: %s holds a text of more than %d bytes (raise --max-record to read it)", ErrEntryTooLarge, f.Name, lim.MaxRecord)
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return fmt.Errorf("%s: %w", f.Name, err)
			}
		}
		rc.Close()
	}
	return nil
}
