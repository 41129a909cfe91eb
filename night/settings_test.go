package night

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const defaults = `day_boundary = 12
[[checklist]]
id = "caffeine"
label = "Caffeine after noon"
[[checklist]]
id = "alcohol"
label = "Alcohol"
`

// loadFile loads defaults with file ("" for none) over them, and checks
// the error against want ("" for none). It reports whether there are
// settings to check.
func loadFile(t *testing.T, defaults, file, want string) (Settings, bool) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if file != "" {
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := LoadSettings([]byte(defaults), path)
	if want != "" {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v, want %q", err, want)
		}
		return Settings{}, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return s, true
}

func TestLoadSettings(t *testing.T) {
	tests := []struct {
		name     string
		file     string // "" means no file
		boundary int
		ids      []string
		err      string
	}{
		{"no file", "", 12, []string{"caffeine", "alcohol"}, ""},
		{"boundary only", "day_boundary = 14\n", 14, []string{"caffeine", "alcohol"}, ""},
		{"own checklist", "[[checklist]]\nid = \"hot-bath\"\nlabel = \"Hot bath\"\n", 12, []string{"hot-bath"}, ""},
		{"bad hour", "day_boundary = 25\n", 0, nil, "day_boundary: 25 is not an hour"},
		{"unknown key", "day_boundry = 3\n", 0, nil, `config.toml:1:1: unknown key "day_boundry"`},
		{"bad id", "[[checklist]]\nid = \"Hot Bath\"\nlabel = \"x\"\n", 0, nil, "checklist[1].id"},
		{"no label", "[[checklist]]\nid = \"bath\"\n", 0, nil, "checklist[1].label: missing"},
		{"twice", "[[checklist]]\nid = \"a\"\nlabel = \"A\"\n[[checklist]]\nid = \"a\"\nlabel = \"B\"\n", 0, nil, "listed twice"},
		{"syntax", "day_boundary = \n", 0, nil, "config.toml:1:"},
		{"too long a checklist", strings.Repeat("[[checklist]]\nid = \"a\"\nlabel = \"A\"\n", MaxTags+1), 0, nil, "checklist: 101 items; at most 100"},
		{"reserved id", "[[checklist]]\nid = \"routine\"\nlabel = \"R\"\n", 0, nil, `"routine" is kept for the routine`},
		{"sound and voice", "sound = \"bell\"\nvoice = true\n", 12, []string{"caffeine", "alcohol"}, ""},
		{"unknown sound", "sound = \"loud\"\n", 0, nil, `config.toml: sound: "loud": want "chime", "bell" or "off"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := loadFile(t, defaults, tt.file, tt.err)
			if !ok {
				return
			}
			var ids []string
			for _, it := range s.Checklist {
				ids = append(ids, it.ID)
			}
			if s.Boundary != tt.boundary || strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("got boundary %d items %v, want %d %v", s.Boundary, ids, tt.boundary, tt.ids)
			}
		})
	}
}

func TestLabelKeepsRemovedItems(t *testing.T) {
	s, _ := LoadSettings([]byte(defaults), "")
	if got := s.Label("caffeine"); got != "Caffeine after noon" {
		t.Errorf("Label(caffeine) = %q", got)
	}
	if got := s.Label("hot-bath"); got != "hot-bath" {
		t.Errorf("a removed item reads %q, want its id", got)
	}
}

func TestChecklistKinds(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		kinds []Kind
		err   string
	}{
		{"no kind reads as trigger", "[[checklist]]\nid = \"bath\"\nlabel = \"Bath\"\n", []Kind{Trigger}, ""},
		{"remedy and trigger", "[[checklist]]\nid = \"iron\"\nlabel = \"Iron\"\nkind = \"remedy\"\n" +
			"[[checklist]]\nid = \"tea\"\nlabel = \"Tea\"\nkind = \"trigger\"\n", []Kind{Remedy, Trigger}, ""},
		{"unknown kind", "[[checklist]]\nid = \"iron\"\nlabel = \"Iron\"\nkind = \"cure\"\n", nil,
			`checklist[1].kind: "cure": want "trigger" or "remedy"`},
		{"kind is case-sensitive", "[[checklist]]\nid = \"iron\"\nlabel = \"Iron\"\nkind = \"Remedy\"\n", nil, "checklist[1].kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := LoadSettings([]byte(defaults), path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, it := range s.Checklist {
				if it.Kind != tt.kinds[i] || s.Kind(it.ID) != tt.kinds[i] {
					t.Errorf("%s: kind %q, want %q", it.ID, it.Kind, tt.kinds[i])
				}
			}
		})
	}
	if k := (Settings{}).Kind("gone"); k != Trigger {
		t.Errorf("an id off the checklist reads as %q, want trigger", k)
	}
}

// TestDefaultConfigKinds checks the shipped defaults parse and mark iron,
// magnesium and medication, and only those, as remedies.
func TestDefaultConfigKinds(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "assets", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadSettings(data, "")
	if err != nil {
		t.Fatal(err)
	}
	var remedies []string
	for _, it := range s.Checklist {
		if it.Kind == Remedy {
			remedies = append(remedies, it.ID)
		}
	}
	if got := strings.Join(remedies, ","); got != "iron,magnesium,medication" {
		t.Errorf("remedies %s, want iron,magnesium,medication", got)
	}
	if s.Sound != "chime" || s.Voice {
		t.Errorf("default sound %q, voice %v; want chime and no voice", s.Sound, s.Voice)
	}
}
