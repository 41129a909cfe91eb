package main

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestImportsPointOneWay keeps the shape the README draws: only the wiring
// (package cli) knows the store, so the screens, plain mode and the domain
// reach records through the journal alone; and the domain packages know
// neither screens nor storage.
func TestImportsPointOneWay(t *testing.T) {
	const mod = "github.com/quietlegs/quietlegs"
	out, err := exec.Command("go", "list", "-deps", "-json=ImportPath,Deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	deps := map[string][]string{}
	for dec.More() {
		var p struct {
			ImportPath string
			Deps       []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		deps[p.ImportPath] = p.Deps
	}
	forbidden := map[string][]string{
		mod + "/ui":      {mod + "/store", "modernc.org/sqlite"},
		mod + "/plain":   {mod + "/store", "modernc.org/sqlite", mod + "/ui"},
		mod + "/journal": {mod + "/store", "modernc.org/sqlite", mod + "/ui", mod + "/cli"},
		mod + "/routine": {mod + "/store", mod + "/ui", mod + "/journal", mod + "/night"},
		mod + "/night":   {mod + "/store", mod + "/ui", mod + "/journal"},
		mod + "/insight": {mod + "/store", mod + "/ui", mod + "/journal"},
		mod + "/store":   {mod + "/ui", mod + "/cli"},
		mod + "/cue":     {mod + "/store", mod + "/ui", mod + "/journal", mod + "/night", mod + "/routine"},
	}
	for pkg, deps := range deps {
		for owner, banned := range forbidden {
			if pkg != owner && !strings.HasPrefix(pkg, owner+"/") {
				continue
			}
			for _, d := range deps {
				for _, b := range banned {
					if d == b {
						t.Errorf("%s imports %s", strings.TrimPrefix(pkg, mod+"/"), d)
					}
				}
			}
		}
	}
	// Nothing but the wiring imports the store.
	for pkg, ds := range deps {
		if !strings.HasPrefix(pkg, mod) || pkg == mod || strings.HasPrefix(pkg, mod+"/cli") || strings.HasPrefix(pkg, mod+"/store") {
			continue
		}
		for _, d := range ds {
			if d == mod+"/store" && !strings.HasPrefix(pkg, mod+"/bench") {
				t.Errorf("%s imports the store: only package cli may", strings.TrimPrefix(pkg, mod+"/"))
			}
		}
	}
}
