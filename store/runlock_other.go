//go:build !unix

package store

import "os"

// tryLock cannot lock on this system: every run looks like the only one,
// and a run cut off is still found by its status.
func tryLock(*os.File) (bool, error) { return true, nil }
