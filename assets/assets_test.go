package assets

import (
	"io/fs"
	"reflect"
	"testing"
)

func TestRoutineFS(t *testing.T) {
	got, err := fs.Glob(RoutineFS(), "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"quick.toml", "relief-cool.toml", "relief-stretch.toml", "relief-walk.toml", "wind-down.toml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("built-in routines %v, want %v", got, want)
	}
}
