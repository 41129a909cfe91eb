package archive

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// JSONWriter writes the export document night by night, as they are read,
// so no more than one night is held to write it. The bytes are those of
// encoding the whole document at once with two-space indentation: the
// document without nights is encoded as it is, and each night is encoded
// with the document's indentation at its depth (so fields added to the
// document or to a night need nothing here).
type JSONWriter struct {
	w io.Writer
	// tail is what follows the nights: the document's closing lines.
	tail  []byte
	n     int
	night []byte // the last night written, its room kept for the next
}

// nightsKey is how the nights' list opens in the document encoded without
// nights; a string holding it would be escaped, so it is found only here.
var nightsKey = []byte(`"nights": [`)

// Indentation of a night in the document: the list is a field of the top
// level, so its items are two levels in.
const (
	nightPrefix = "    "
	indent      = "  "
)

// NewJSONWriter writes the document's opening to w, with exportedAt
// recorded in it (zero leaves it out) and the iron results labs after the
// nights. Write the nights, in date order, then Close.
func NewJSONWriter(w io.Writer, exportedAt time.Time, labs []night.Lab) (*JSONWriter, error) {
	doc := document{Format: formatName, Version: Version, Nights: []nightJSON{}}
	for _, l := range labs {
		doc.Labs = append(doc.Labs, fromLab(l))
	}
	if !exportedAt.IsZero() {
		doc.ExportedAt = stamp(exportedAt)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", indent)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("write JSON: %w", err)
	}
	i := bytes.Index(b.Bytes(), nightsKey)
	if i < 0 {
		return nil, fmt.Errorf("write JSON: no nights list in %q", b.Bytes())
	}
	head, tail := b.Bytes()[:i+len(nightsKey)], b.Bytes()[i+len(nightsKey):]
	if _, err := w.Write(head); err != nil {
		return nil, fmt.Errorf("write JSON: %w", err)
	}
	return &JSONWriter{w: w, tail: bytes.Clone(tail)}, nil
}

// Write adds r to the nights.
func (jw *JSONWriter) Write(r night.Record) error {
	b := jw.night[:0]
	if jw.n > 0 {
		b = append(b, ',')
	}
	b = append(b, "\n"+nightPrefix...)
	n := fromRecord(r)
	b, err := appendNight(b, &n)
	if err != nil {
		return fmt.Errorf("write JSON: night %s: %w", r.Night, err)
	}
	jw.night = b
	jw.n++
	if _, err := jw.w.Write(b); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// Close ends the nights' list and the document.
func (jw *JSONWriter) Close() error {
	end := jw.tail
	if jw.n > 0 {
		// "[]" in the document without nights: the list now closes on a
		// line of its own, at the field's indentation.
		end = append([]byte("\n"+indent), jw.tail...)
	}
	if _, err := jw.w.Write(end); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// CSVWriter writes one row per night under CSVHeader, as they are read.
type CSVWriter struct {
	cw *csv.Writer
}

// NewCSVWriter writes the header to w. Write the nights, then Close.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180, what spreadsheets expect
	if err := cw.Write(CSVHeader); err != nil {
		return nil, fmt.Errorf("write CSV: %w", err)
	}
	return &CSVWriter{cw: cw}, nil
}

// Write adds r's row.
func (c *CSVWriter) Write(r night.Record) error {
	if err := c.cw.Write(csvRow(r)); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// Close writes what is buffered.
func (c *CSVWriter) Close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}
