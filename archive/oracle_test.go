package archive

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// The export as it was written before it was streamed: the whole document
// built, then encoded at once. The streamed writers must match it byte for
// byte; the tests in stream_test.go compare them.
var (
	WholeJSON = wholeJSON
	WholeCSV  = wholeCSV
)

func wholeJSON(w io.Writer, recs []night.Record, labs []night.Lab, exportedAt time.Time) error {
	doc := document{Format: formatName, Version: Version, Nights: make([]nightJSON, 0, len(recs))}
	for _, l := range labs {
		doc.Labs = append(doc.Labs, fromLab(l))
	}
	if !exportedAt.IsZero() {
		doc.ExportedAt = stamp(exportedAt)
	}
	for _, r := range recs {
		doc.Nights = append(doc.Nights, fromRecord(r))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

func wholeCSV(w io.Writer, recs []night.Record) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	for _, r := range recs {
		if err := cw.Write(csvRow(r)); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}
