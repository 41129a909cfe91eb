package ui

import (
	"context"

	"github.com/quietlegs/quietlegs/night"
)

// History is the part of the store that reads whole nights, a range of
// dates at a time, so screens can page through years without reading
// them all. (ui/history declares the same methods as history.Source, as
// it cannot import this package.)
type History interface {
	// Nights reads every night with any record in [from, to]
	// (YYYY-MM-DD, inclusive; "" leaves that end open), in date order.
	Nights(ctx context.Context, from, to string) ([]night.Record, error)
	// NightRange is the first and last night with any record, and how
	// many nights have one.
	NightRange(ctx context.Context) (first, last string, n int, err error)
}
