package routine

// This file places key paths ("steps[2].seconds") on their lines, so that
// problems found after decoding can say where in the file they are.

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

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
	parts  []keyPart         // every key part, in file order
	// crowded is the first table found with more than maxTableKeys keys,
	// and where; "" and zero when none.
	crowded   string
	crowdedAt pos
	perTable  map[string]int
}

// maxTableKeys is the most keys one table may have. A step has 18 kinds of
// key and cues one per muscle group; go-toml's duplicate check takes time
// quadratic in a table's keys, so a file of thousands is refused before
// it is decoded.
const maxTableKeys = 500

// keyPart is one part of a key as written, under the table path it is in.
type keyPart struct {
	at           pos
	parent, name string
}

func emptyIndex() *index {
	return &index{keys: map[string]pos{}, keyAt: map[pos]string{}, valAt: map[pos]string{}, raw: map[string]string{}, arrays: map[string]int{}, perTable: map[string]int{}}
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

// maxPathLen bounds the key paths the index records. Every path a message
// can name ("steps[12].phases[3].seconds", "steps[2].cues.calves") is far
// shorter; a key nested deeper or longer is unknown to the format anyway,
// and go-toml reports it where it starts. Without the bound, a header of n
// dotted parts ([a.a.a...]) would store n prefixes of up to n bytes each:
// quadratic memory (256 MB for a 30 KB file). With it, indexing costs time
// and memory linear in the file.
const maxPathLen = 256

// untracked is the path of keys beyond maxPathLen: nothing under it is
// recorded.
const untracked = "\x00"

// keyPath records a dotted key under path and returns its full path. In a
// [[table]] header the last part opens a new table of the array; elsewhere
// a part naming an array of tables means its latest table.
func (ix *index) keyPath(path string, key unstable.Iterator, newTable bool) string {
	for key.Next() {
		if path == untracked {
			continue // consume the rest of the key
		}
		k := key.Node()
		if len(path)+1+len(k.Data) > maxPathLen {
			path = untracked
			continue
		}
		at := ix.at(k.Raw)
		ix.parts = append(ix.parts, keyPart{at: at, parent: path, name: string(k.Data)})
		if ix.perTable[path]++; ix.perTable[path] > maxTableKeys && ix.crowded == "" {
			ix.crowded, ix.crowdedAt = cmp.Or(path, "the top level"), at
		}
		path = strings.TrimPrefix(path+"."+string(k.Data), ".")
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
	if path == untracked {
		return
	}
	if v.Raw.Length > 0 { // arrays carry no range
		ix.valAt[ix.at(v.Raw)] = path
	}
	it := v.Children()
	switch i := 0; v.Kind {
	case unstable.Array:
		for it.Next() {
			if c := it.Node(); c.Kind != unstable.Comment {
				i++
				p := path + "[" + strconv.Itoa(i) + "]"
				if len(p) > maxPathLen {
					p = untracked
				}
				ix.value(p, c)
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

// unknownKeys lists the keys the format does not have, in file order:
// each key part whose table is one the format defines (the top level, a
// step, a phase) and whose name is not among that table's keys. Keys under
// an unknown key, or under a free-form table (cues), are not listed.
//
// The index finds them, not go-toml's strict mode, because the decoder
// builds each of its strict errors over the whole document: a file of n
// unknown keys cost it time and memory quadratic in n (14 GB for 240 KB).
func (ix *index) unknownKeys() []keyPart {
	var out []keyPart
	for _, p := range ix.parts {
		if known := keysIn(p.parent); known != nil && !slices.Contains(known, p.name) {
			out = append(out, p)
		}
	}
	return out
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
