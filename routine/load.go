package routine

// This file reads a routine file: it decodes the TOML into the file structs
// and explains what the decoder refused (a syntax error, a value of the
// wrong type, an unknown key), before check.go looks at the values.

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/quietlegs/quietlegs/regularfile"
)

// FileError is one problem in a routine file, placed as precisely as the file
// allows. It prints like "calm.toml:14: steps[2].seconds: must be more than 0
// (got 0)".
type FileError struct {
	// File is the file name or path as given to Parse or LoadFile.
	File string
	// Line and Col count from 1; 0 means unknown (Col is often unknown).
	Line, Col int
	// Field is the key path, like "steps[2].seconds"; steps count from 1.
	// Empty when the problem is not about one field.
	Field string
	Msg   string
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// LogSafe describes the problem without the file's name or anything it
// holds, for the debug log: only where it is.
func (e *FileError) LogSafe() string {
	return fmt.Sprintf("routine file: line %d, column %d", e.Line, e.Col)
}

// fileRoutine is the TOML shape of a routine file.
type fileRoutine struct {
	Title       string     `toml:"title"`
	Description string     `toml:"description"`
	PaceSound   bool       `toml:"pace_sound"`
	Steps       []fileStep `toml:"steps"`
}

// fileStep holds the keys of every kind; pointers tell absent from zero.
type fileStep struct {
	Title       string            `toml:"title"`
	Kind        string            `toml:"kind"`
	Instruction string            `toml:"instruction"`
	Safety      string            `toml:"safety"`
	Seconds     *int64            `toml:"seconds"`
	Minutes     *int64            `toml:"minutes"`
	Sides       []string          `toml:"sides"`
	Rounds      *int64            `toml:"rounds"`
	Groups      []string          `toml:"groups"`
	Tense       *int64            `toml:"tense"`
	Release     *int64            `toml:"release"`
	Cues        map[string]string `toml:"cues"`
	Cycles      *int64            `toml:"cycles"`
	Phases      []filePhase       `toml:"phases"`
	Inhale      *int64            `toml:"inhale"`
	Hold        *int64            `toml:"hold"`
	Exhale      *int64            `toml:"exhale"`
	HoldAfter   *int64            `toml:"hold_after"`
}

type filePhase struct {
	Name    string `toml:"name"`
	Seconds *int64 `toml:"seconds"`
	Cue     string `toml:"cue"`
}

// LoadFile reads and parses one routine file. Its Source is the path. It
// reads only a regular file: a FIFO, device or folder at path is refused
// at once (a FIFO would block the open for good), and so is a file larger
// than a routine file can be, with a *FileError.
func LoadFile(path string) (*Routine, error) {
	data, err := regularfile.Read(path, maxFileSize)
	var nr *regularfile.NotRegularError
	var tl *regularfile.TooLargeError
	switch {
	case errors.As(err, &nr):
		return nil, &FileError{File: path, Msg: "is " + nr.Kind + ", not a regular file; only regular files are read"}
	case errors.As(err, &tl):
		return nil, &FileError{File: path, Msg: tooLarge(tl.Size)}
	case err != nil:
		return nil, fmt.Errorf("load routine: %w", err)
	}
	return Parse(path, data)
}

// tooLarge is the message for a routine file of size bytes.
func tooLarge(size int64) string {
	return fmt.Sprintf("file is too large (%s; at most %s)", regularfile.Size(size), regularfile.Size(maxFileSize))
}

// Parse reads a routine file's contents. name is the file's name or path: it
// is used in messages, and the base name without ".toml" becomes Routine.Name
// ("calm-evening.toml" is "calm-evening"). Source is set to name.
//
// The error is a *FileError, or several joined with errors.Join when a file
// has more than one problem (at most 20 are reported).
func Parse(name string, data []byte) (*Routine, error) {
	c := &checker{file: name, ix: emptyIndex()}
	rname := c.routineName(name)
	if len(data) > maxFileSize {
		c.fail("", "%s", tooLarge(int64(len(data))))
		return nil, c.err()
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // as Windows editors may write
	ix, syntaxErr := newIndex(data)
	c.ix = ix
	if ix.crowded != "" {
		c.errs = append(c.errs, &FileError{File: name, Line: ix.crowdedAt.line, Col: ix.crowdedAt.col,
			Msg: fmt.Sprintf("%s has more than %d keys; not a routine file", ix.crowded, maxTableKeys)})
		return nil, c.err()
	}
	var fr fileRoutine
	unknown := ix.unknownKeys()
	dec := toml.NewDecoder(bytes.NewReader(data))
	if len(unknown) == 0 {
		// Strict as well, in case the index missed a kind of key; cheap
		// when there are none.
		dec.DisallowUnknownFields()
	}
	err := dec.Decode(&fr)
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for i := range strict.Errors[:min(len(strict.Errors), maxErrorsOut+1)] {
			line, col := strict.Errors[i].Position()
			path, ok := c.ix.keyAt[pos{line, col}]
			if !ok {
				path = strings.Join(strict.Errors[i].Key(), ".")
			}
			parent, key := splitLast(path)
			c.unknownKey(pos{line, col}, parent, key)
		}
	case errors.As(err, &de):
		c.decodeError(de, syntaxErr != nil)
		return nil, c.err()
	case err != nil:
		c.fail("", "%v", err)
		return nil, c.err()
	}
	for _, k := range unknown {
		c.unknownKey(k.at, k.parent, k.name)
	}
	r := c.routine(&fr)
	if len(c.errs) > 0 {
		return nil, c.err()
	}
	r.Name, r.Source = rname, name
	return r, nil
}

// unknownKey reports a key the format does not have, at at in the table
// parent, with a guess at the key meant.
func (c *checker) unknownKey(at pos, parent, key string) {
	where := "at the top level"
	if parent != "" {
		where = "in " + parent
	}
	msg := fmt.Sprintf("unknown key %q %s", key, where)
	if guess := closest(key, keysIn(parent)); guess != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", guess)
	}
	c.errs = append(c.errs, &FileError{File: c.file, Line: at.line, Col: at.col, Msg: msg})
}

var (
	topKeys      = []string{"title", "description", "pace_sound", "steps"}
	stepKeyNames = []string{"title", "kind", "instruction", "safety", "seconds", "minutes", "sides", "rounds", "groups", "tense", "release", "cues", "cycles", "phases", "inhale", "hold", "exhale", "hold_after"}
	phaseKeys    = []string{"name", "seconds", "cue"}
	numberKeys   = []string{"seconds", "minutes", "rounds", "tense", "release", "cycles", "inhale", "hold", "exhale", "hold_after"}
	cannotDecode = regexp.MustCompile(`^cannot decode TOML ([\w ]+?) into`)
)

// keysIn lists the keys a table at path may have.
func keysIn(path string) []string {
	switch {
	case path == "":
		return topKeys
	case strings.HasPrefix(path, "steps[") && strings.HasSuffix(path, "]"):
		if strings.Contains(path, ".phases[") {
			return phaseKeys
		}
		return stepKeyNames
	}
	return nil
}

// decodeError reports a syntax error or a value of the wrong type.
func (c *checker) decodeError(e *toml.DecodeError, syntax bool) {
	line, col := e.Position()
	msg := strings.TrimPrefix(e.Error(), "toml: ")
	fe := &FileError{File: c.file, Line: line, Col: col, Msg: msg}
	c.errs = append(c.errs, fe)
	if syntax {
		fe.Msg = "syntax error: " + msg
		return
	}
	fe.Field = c.ix.find(line, col, e.Key())
	if m := cannotDecode.FindStringSubmatch(msg); m != nil {
		got, ok := c.ix.raw[fe.Field]
		if !ok {
			got = cmp.Or(map[string]string{"array": "a list", "table": "a table"}[m[1]], m[1])
		} else if len(got) > 40 {
			got = got[:37] + "..."
		}
		fe.Msg = fmt.Sprintf("must be %s (got %s)", want(fe.Field), got)
	}
}

// want describes the type of value a key takes.
func want(path string) string {
	_, key := splitLast(path)
	name, _, elem := strings.Cut(key, "[")
	switch {
	case name == "steps" || name == "phases":
		t := map[string]string{"steps": "[[steps]]", "phases": "[[steps.phases]]"}[name]
		if elem {
			return "a " + t + " table"
		}
		return t + " tables"
	case (name == "sides" || name == "groups") && !elem:
		return `a list in brackets, like ["left", "right"]`
	case name == "cues":
		return `a table, like { feet = "Curl your toes upward." }`
	case slices.Contains(numberKeys, name):
		return "a whole number"
	}
	return "text in quotes"
}

// splitLast splits "steps[1].seconds" into "steps[1]" and "seconds".
func splitLast(path string) (parent, key string) {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i], path[i+1:]
	}
	return "", path
}

// closest returns the word of words nearest to s if it is a likely typo.
func closest(s string, words []string) string {
	best, bestDist := "", 3
	for _, w := range words {
		if d := editDistance(s, w); d < bestDist && d < len(w) {
			best, bestDist = w, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 40 || len(b) > 40 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
