package paths

import (
	"errors"
	"testing"
)

func TestDatabasePath(t *testing.T) {
	tests := []struct {
		name    string
		goos    string
		env     map[string]string
		home    string
		homeErr error
		want    string
		wantErr bool
	}{
		{name: "linux", goos: "linux", home: "/home/ann",
			want: "/home/ann/.local/share/quietlegs/quietlegs.db"},
		{name: "linux XDG_DATA_HOME", goos: "linux", home: "/home/ann",
			env:  map[string]string{"XDG_DATA_HOME": "/data/ann/"},
			want: "/data/ann/quietlegs/quietlegs.db"},
		{name: "linux relative XDG_DATA_HOME is ignored", goos: "linux", home: "/home/ann",
			env:  map[string]string{"XDG_DATA_HOME": "data"},
			want: "/home/ann/.local/share/quietlegs/quietlegs.db"},
		{name: "XDG_DATA_HOME needs no home", goos: "linux", homeErr: errors.New("no home"),
			env:  map[string]string{"XDG_DATA_HOME": "/x"},
			want: "/x/quietlegs/quietlegs.db"},
		{name: "freebsd", goos: "freebsd", home: "/usr/home/ann",
			want: "/usr/home/ann/.local/share/quietlegs/quietlegs.db"},
		{name: "darwin", goos: "darwin", home: "/Users/ann",
			want: "/Users/ann/Library/Application Support/quietlegs/quietlegs.db"},
		{name: "darwin XDG_DATA_HOME", goos: "darwin", home: "/Users/ann",
			env:  map[string]string{"XDG_DATA_HOME": "/Users/ann/.data"},
			want: "/Users/ann/.data/quietlegs/quietlegs.db"},
		{name: "windows", goos: "windows", home: `C:\Users\ann`,
			env:  map[string]string{"LocalAppData": `C:\Users\ann\AppData\Local`},
			want: `C:\Users\ann\AppData\Local\quietlegs\quietlegs.db`},
		{name: "windows without LocalAppData", goos: "windows", home: `C:\Users\ann`,
			want: `C:\Users\ann\AppData\Local\quietlegs\quietlegs.db`},
		{name: "no home", goos: "linux", homeErr: errors.New("$HOME is not defined"), wantErr: true},
		{name: "empty home", goos: "linux", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			home := func() (string, error) { return tt.home, tt.homeErr }
			got, err := Resolve(tt.goos, getenv, home).DatabasePath()
			if tt.wantErr {
				if err == nil {
					t.Fatalf("DatabasePath = %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("DatabasePath = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResolveEveryPlace(t *testing.T) {
	tests := []struct {
		name string
		goos string
		env  map[string]string
		want Set
	}{
		{"linux", "linux", nil, Set{
			Config: "/home/ann/.config/quietlegs/config.toml", Routines: "/home/ann/.config/quietlegs/routines",
			DebugLog: "/home/ann/.local/state/quietlegs/debug.log"}},
		{"linux XDG", "linux", map[string]string{"XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s"}, Set{
			Config: "/c/quietlegs/config.toml", Routines: "/c/quietlegs/routines", DebugLog: "/s/quietlegs/debug.log"}},
		{"linux relative XDG is ignored", "linux", map[string]string{"XDG_CONFIG_HOME": "c"}, Set{
			Config: "/home/ann/.config/quietlegs/config.toml", Routines: "/home/ann/.config/quietlegs/routines",
			DebugLog: "/home/ann/.local/state/quietlegs/debug.log"}},
		{"darwin", "darwin", nil, Set{
			Config:   "/home/ann/Library/Application Support/quietlegs/config.toml",
			Routines: "/home/ann/Library/Application Support/quietlegs/routines",
			DebugLog: "/home/ann/Library/Logs/quietlegs/debug.log"}},
		{"windows", "windows", map[string]string{"AppData": `C:\R`, "LocalAppData": `C:\L`}, Set{
			Config: `C:\R\quietlegs\config.toml`, Routines: `C:\R\quietlegs\routines`, DebugLog: `C:\L\quietlegs\debug.log`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := "/home/ann"
			if tt.goos == "windows" {
				home = `C:\Users\ann`
			}
			got := Resolve(tt.goos, func(k string) string { return tt.env[k] }, func() (string, error) { return home, nil })
			if got.Config != tt.want.Config || got.Routines != tt.want.Routines || got.DebugLog != tt.want.DebugLog {
				t.Errorf("Resolve = config %q, routines %q, log %q\nwant config %q, routines %q, log %q",
					got.Config, got.Routines, got.DebugLog, tt.want.Config, tt.want.Routines, tt.want.DebugLog)
			}
		})
	}
}

func TestResolveWithoutHome(t *testing.T) {
	got := Resolve("linux", func(string) string { return "" }, func() (string, error) { return "", errors.New("no home") })
	if got.Config != "" || got.Routines != "" {
		t.Errorf("without a home, config %q and routines %q; want none (built-in settings only)", got.Config, got.Routines)
	}
	if _, err := got.DebugLogPath(); err == nil {
		t.Error("DebugLogPath without a home: want an error")
	}
}
