package ui

import (
	"context"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
)

// dosesStore is where the fake keeps doses and iron results.
func (f *fakeStorage) dosesStore() *journaltest.Storage {
	if f.doses == nil {
		f.doses = journaltest.New()
	}
	return f.doses
}

func (f *fakeStorage) UpdateTaken(ctx context.Context, d string, fn func([]night.Dose) ([]night.Dose, error)) error {
	return f.dosesStore().UpdateTaken(ctx, d, fn)
}
func (f *fakeStorage) KnownDoses(ctx context.Context, limit int) ([]night.Dose, error) {
	return f.dosesStore().KnownDoses(ctx, limit)
}
func (f *fakeStorage) UpdateLab(ctx context.Context, d string, fn func(night.Lab, bool) (night.Lab, error)) error {
	return f.dosesStore().UpdateLab(ctx, d, fn)
}
func (f *fakeStorage) Labs(ctx context.Context) ([]night.Lab, error) { return f.dosesStore().Labs(ctx) }
func (f *fakeStorage) DeleteLab(ctx context.Context, d string) (night.Lab, bool, error) {
	return f.dosesStore().DeleteLab(ctx, d)
}
