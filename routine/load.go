package routine

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Limits on a routine file. Anything beyond them is surely a typo (an extra
// zero, minutes for seconds), and they keep a bad file from making the app
// build millions of phases.
const (
	// MaxStepDuration is the longest a single step may last.
	MaxStepDuration = 4 * time.Hour
	// MaxStepPhases is the most phases one step may expand into.
	MaxStepPhases = 500
	// MaxSteps is the most steps a routine may have.
	MaxSteps = 100
	// MaxRoutineDuration is the longest a whole routine may last.
	MaxRoutineDuration = 8 * time.Hour

	maxFileSize  = 256 << 10 // bytes; a routine file is a few KiB
	maxSeconds   = int64(MaxStepDuration / time.Second)
	maxMinutes   = maxSeconds / 60
	maxCount     = MaxStepPhases // rounds or cycles
	maxBreath    = 60            // seconds for one part of a breath
	maxTense     = 60            // seconds
	maxTitle     = 80            // characters, also for descriptions of one line
	maxName      = 30            // characters of a side, group or phase name
	maxText      = 500           // characters of an instruction, safety note or cue
	maxDesc      = 2000          // characters of a routine description
	maxErrorsOut = 20            // problems reported per file
)

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

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

// fileRoutine is the TOML shape of a routine file.
type fileRoutine struct {
	Title       string     `toml:"title"`
	Description string     `toml:"description"`
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

// LoadFile reads and parses one routine file. Its Source is the path.
func LoadFile(path string) (*Routine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load routine: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("load routine %s: %w", path, err)
	}
	return Parse(path, data)
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
		c.fail("", "file is too large (%d KiB; at most %d KiB)", len(data)>>10, maxFileSize>>10)
		return nil, c.err()
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // as Windows editors may write
	ix, syntaxErr := newIndex(data)
	c.ix = ix
	var fr fileRoutine
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&fr)
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for i := range strict.Errors {
			c.unknownKey(&strict.Errors[i])
		}
	case errors.As(err, &de):
		c.decodeError(de, syntaxErr != nil)
		return nil, c.err()
	case err != nil:
		c.fail("", "%v", err)
		return nil, c.err()
	}
	r := c.routine(&fr)
	if len(c.errs) > 0 {
		return nil, c.err()
	}
	r.Name, r.Source = rname, name
	return r, nil
}

// checker collects the problems of one file.
type checker struct {
	file string
	ix   *index
	errs []*FileError
}

// fail records a problem with field, placed at the line of field (or of the
// nearest enclosing table the file has).
func (c *checker) fail(field, format string, args ...any) {
	c.errs = append(c.errs, &FileError{File: c.file, Line: c.ix.line(field), Field: field, Msg: fmt.Sprintf(format, args...)})
}

// err returns the problems found, in line order, or nil.
func (c *checker) err() error {
	slices.SortStableFunc(c.errs, func(a, b *FileError) int { return cmp.Compare(a.Line, b.Line) })
	switch n := len(c.errs); {
	case n == 0:
		return nil
	case n == 1:
		return c.errs[0]
	case n > maxErrorsOut:
		c.errs = append(c.errs[:maxErrorsOut], &FileError{File: c.file, Msg: fmt.Sprintf("and %d more problems", n-maxErrorsOut)})
	}
	errs := make([]error, len(c.errs))
	for i, e := range c.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

func (c *checker) routineName(file string) string {
	base, ok := strings.CutSuffix(filepath.Base(file), ".toml")
	switch {
	case !ok:
		c.fail("", "a routine file's name must end in .toml")
	case !nameRE.MatchString(base):
		c.fail("", "%q is not a usable routine name: use lower-case letters, digits and dashes, like calm-evening.toml", base)
	}
	return base
}

// unknownKey reports a key the format does not have, with a guess at the
// key meant.
func (c *checker) unknownKey(e *toml.DecodeError) {
	line, col := e.Position()
	path, ok := c.ix.keyAt[pos{line, col}]
	if !ok {
		path = strings.Join(e.Key(), ".")
	}
	parent, key := splitLast(path)
	where := "at the top level"
	if parent != "" {
		where = "in " + parent
	}
	msg := fmt.Sprintf("unknown key %q %s", key, where)
	if guess := closest(key, keysIn(parent)); guess != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", guess)
	}
	c.errs = append(c.errs, &FileError{File: c.file, Line: line, Col: col, Msg: msg})
}

var (
	topKeys      = []string{"title", "description", "steps"}
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

// length reads a hold length given as seconds or as minutes, not both.
func (c *checker) length(p string, secs, mins *int64) (int64, bool) {
	switch {
	case secs != nil && mins != nil:
		c.fail(p+".minutes", "give seconds or minutes, not both")
		return 0, false
	case secs != nil:
		return c.number(p+".seconds", *secs, 1, maxSeconds)
	case mins != nil:
		m, ok := c.number(p+".minutes", *mins, 1, maxMinutes)
		return m * 60, ok
	}
	c.fail(p, "missing length: give seconds (seconds = 30) or minutes (minutes = 5)")
	return 0, false
}

// count reads an optional number of rounds or cycles; 1 when absent.
func (c *checker) count(field string, v *int64) (int, bool) {
	if v == nil {
		return 1, true
	}
	n, ok := c.number(field, *v, 1, maxCount)
	return int(n), ok
}

// need reads a required number.
func (c *checker) need(p, key string, v *int64, lo, hi int64) (int64, bool) {
	if v == nil {
		c.fail(p, "missing %s", key)
		return 0, false
	}
	return c.number(p+"."+key, *v, lo, hi)
}

// optional reads a number that is 0 when absent.
func (c *checker) optional(field string, v *int64, lo, hi int64) (int64, bool) {
	if v == nil {
		return 0, true
	}
	return c.number(field, *v, lo, hi)
}

func (c *checker) number(field string, v, lo, hi int64) (int64, bool) {
	switch {
	case v < lo && lo == 1:
		c.fail(field, "must be more than 0 (got %d)", v)
	case v < lo:
		c.fail(field, "must be %d or more (got %d)", lo, v)
	case v > hi:
		c.fail(field, "must be at most %d (got %d)", hi, v)
	default:
		return v, true
	}
	return 0, false
}

// fits checks that a step expands into few enough phases.
func (c *checker) fits(p string, phases int) bool {
	if phases > MaxStepPhases {
		c.fail(p, "too many phases: %d (at most %d)", phases, MaxStepPhases)
		return false
	}
	return true
}

// names reads a list of short lower-case names: sides, groups.
func (c *checker) names(p, key string, list []string, required bool) ([]string, bool) {
	if len(list) == 0 && required {
		c.fail(p, "no %s: list at least one, like %s = [\"calves\"]", key, key)
		return nil, false
	}
	if len(list) > MaxStepPhases {
		c.fail(p+"."+key, "too many: %d (at most %d)", len(list), MaxStepPhases)
		return nil, false
	}
	n := len(c.errs)
	var out []string
	for i, s := range list {
		field := fmt.Sprintf("%s.%s[%d]", p, key, i+1)
		name := c.name(field, "", s, true)
		if slices.Contains(out, name) {
			c.fail(field, "%q is listed twice", name)
		}
		out = append(out, name)
	}
	return out, len(c.errs) == n
}

// name reads a short one-line name and makes it lower-case.
func (c *checker) name(p, key, v string, required bool) string {
	return strings.ToLower(c.text(p, key, v, required, maxName))
}

// text reads a piece of text, trimmed; only the description may span lines.
func (c *checker) text(p, key, v string, required bool, limit int) string {
	v = strings.TrimSpace(v)
	field := p
	if key != "" {
		field = strings.TrimPrefix(p+"."+key, ".")
	}
	bad := func(r rune) bool { return unicode.IsControl(r) && !(key == "description" && r == '\n') }
	switch {
	case v == "" && required && key == "":
		c.fail(field, "must not be empty")
	case v == "" && required && p == "":
		c.fail("", "missing %s: add a line like %s = \"Evening wind-down\" at the top", key, key)
	case v == "" && required:
		c.fail(p, "missing %s", key)
	case utf8.RuneCountInString(v) > limit:
		c.fail(field, "too long: %d characters (at most %d)", utf8.RuneCountInString(v), limit)
	case strings.ContainsAny(v, "\r\n") && key != "description":
		c.fail(field, "must be one line")
	case strings.IndexFunc(v, bad) >= 0:
		c.fail(field, "must not contain control characters")
	}
	return v
}

// sentence capitalizes s and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// pos is a place in a file; both count from 1.
type pos struct{ line, col int }

// index maps the key paths of a TOML document ("steps[2].seconds", steps
// counted from 1) to where they are, using go-toml's unstable parser, so
// problems found after decoding can name their line.
type index struct {
	data   []byte
	starts []int             // offsets at which lines begin
	keys   map[string]pos    // path → its first key (or table header)
	keyAt  map[pos]string    // key → path, without the [n] of a [[table]]
	valAt  map[pos]string    // value → path
	raw    map[string]string // path → raw text of a scalar value
	arrays map[string]int    // path of an array of tables → tables so far
}

func emptyIndex() *index {
	return &index{keys: map[string]pos{}, keyAt: map[pos]string{}, valAt: map[pos]string{}, raw: map[string]string{}, arrays: map[string]int{}}
}

// newIndex indexes data as far as it parses; the error is a syntax error.
func newIndex(data []byte) (*index, error) {
	ix := emptyIndex()
	ix.data, ix.starts = data, []int{0}
	for i, b := range data {
		if b == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	var p unstable.Parser
	p.Reset(data)
	table := ""
	for p.NextExpression() {
		switch e := p.Expression(); e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = ix.keyPath("", e.Key(), e.Kind == unstable.ArrayTable)
		case unstable.KeyValue:
			ix.value(ix.keyPath(table, e.Key(), false), e.Value())
		}
	}
	return ix, p.Error()
}

func (ix *index) at(r unstable.Range) pos {
	off := int(r.Offset)
	i := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > off }) - 1
	return pos{i + 1, off - ix.starts[i] + 1}
}

// keyPath records a dotted key under path and returns its full path. In a
// [[table]] header the last part opens a new table of the array; elsewhere
// a part naming an array of tables means its latest table.
func (ix *index) keyPath(path string, key unstable.Iterator, newTable bool) string {
	for key.Next() {
		k := key.Node()
		path = strings.TrimPrefix(path+"."+string(k.Data), ".")
		at := ix.at(k.Raw)
		ix.keyAt[at] = path
		if _, ok := ix.keys[path]; !ok {
			ix.keys[path] = at
		}
		if newTable && key.IsLast() {
			ix.arrays[path]++
		}
		if n := ix.arrays[path]; n > 0 {
			path += "[" + strconv.Itoa(n) + "]"
		}
		if _, ok := ix.keys[path]; !ok {
			ix.keys[path] = at
		}
	}
	return path
}

func (ix *index) value(path string, v *unstable.Node) {
	if v.Raw.Length > 0 { // arrays carry no range
		ix.valAt[ix.at(v.Raw)] = path
	}
	it := v.Children()
	switch i := 0; v.Kind {
	case unstable.Array:
		for it.Next() {
			if c := it.Node(); c.Kind != unstable.Comment {
				i++
				ix.value(path+"["+strconv.Itoa(i)+"]", c)
			}
		}
	case unstable.InlineTable:
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				ix.value(ix.keyPath(path, c.Key(), false), c.Value())
			}
		}
	default:
		ix.raw[path] = string(ix.data[v.Raw.Offset : v.Raw.Offset+v.Raw.Length])
	}
}

// line is the line of path, or of the nearest enclosing table found; 0 if none.
func (ix *index) line(path string) int {
	for path != "" {
		if at, ok := ix.keys[path]; ok {
			return at.line
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// find names the value or key at line:col, whose path without table numbers
// is key.
func (ix *index) find(line, col int, key []string) string {
	if path, ok := ix.valAt[pos{line, col}]; ok {
		return path
	}
	if path, ok := ix.keyAt[pos{line, col}]; ok {
		return path
	}
	want := strings.Join(key, ".")
	for _, path := range slices.Sorted(maps.Keys(ix.keys)) {
		if ix.keys[path].line == line && indexRE.ReplaceAllString(path, "") == want {
			return path
		}
	}
	return want
}
