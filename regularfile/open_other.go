//go:build !unix

package regularfile

import "os"

// openNonblock opens path; outside Unix there are no FIFOs to block on in
// the file system.
func openNonblock(path string) (*os.File, error) { return os.Open(path) }

func clearNonblock(*os.File) error { return nil }
