package store

import (
	"errors"
	"testing"
)

func TestDefaultPath(t *testing.T) {
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
			got, err := defaultPath(tt.goos, getenv, home)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("defaultPath = %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("defaultPath = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDSNEscapesPath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/a/b.db", "file:///a/b.db?x=1"},
		{"/a b/c?d#e%f.db", "file:///a%20b/c%3Fd%23e%25f.db?x=1"},
		{"rel/q.db", "file:rel/q.db?x=1"},
		{"//odd/q.db", "file:////odd/q.db?x=1"},
	}
	for _, tt := range tests {
		if got := dsn(tt.path, "x=1"); got != tt.want {
			t.Errorf("dsn(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
