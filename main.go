// Command quietlegs guides an evening wind-down routine for restless legs,
// and keeps a private record of it in SQLite.
package main

import (
	"os"

	"github.com/quietlegs/quietlegs/cli"
)

func main() {
	os.Exit(cli.Main(os.Stdout, os.Stderr))
}
