package archive

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestAppendIndentedIsJSONIndent(t *testing.T) {
	for _, src := range []string{
		`{}`, `[]`, `"s"`, `1.5`, `null`,
		`{"a":[],"b":{},"c":"x\"y,{}:[]\\","d":[1,{"e":null,"f":[true,false]}],"g":"\u003cb\u003e"}`,
		`[{"night":"2026-11-22","evening":null,"runs":[{"steps":[]}]},[[]],[{}]]`,
	} {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(src), "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, []byte(src), "    ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s indented as\n%s\nwant\n%s", src, got, want.Bytes())
		}
	}
}
