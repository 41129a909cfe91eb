package journaltest

import (
	"context"
	"maps"
	"slices"

	"github.com/quietlegs/quietlegs/night"
)

// UpdateTaken replaces a night's doses with what fn makes of them, as one
// write.
func (s *Storage) UpdateTaken(_ context.Context, d string, fn func([]night.Dose) ([]night.Dose, error)) error {
	return s.write(func() error {
		if s.FailReads != nil {
			return s.FailReads
		}
		ds, err := fn(slices.Clone(s.Taken[d]))
		if err != nil {
			return err
		}
		for i := range ds {
			ds[i].Night = d
			if err := ds[i].Validate(); err != nil {
				return err
			}
		}
		if s.Taken == nil {
			s.Taken = map[string][]night.Dose{}
		}
		s.Taken[d] = slices.Clone(ds)
		return nil
	})
}

// addTaken adds the doses of night d not already there; the lock is held.
func (s *Storage) addTaken(d string, ds []night.Dose) {
	if len(ds) == 0 {
		return
	}
	if s.Taken == nil {
		s.Taken = map[string][]night.Dose{}
	}
	for _, x := range ds {
		if !slices.ContainsFunc(s.Taken[d], func(y night.Dose) bool {
			return x.Name == y.Name && x.Amount == y.Amount && x.At.Equal(y.At)
		}) {
			x.Night = d
			s.Taken[d] = append(s.Taken[d], x)
		}
	}
}

// KnownDoses are the different doses recorded, the latest night first.
func (s *Storage) KnownDoses(_ context.Context, limit int) (out []night.Dose, err error) {
	err = s.read(func() {
		seen := map[[2]string]bool{}
		for _, d := range slices.Backward(slices.Sorted(maps.Keys(s.Taken))) {
			ds := s.Taken[d]
			for i := len(ds) - 1; i >= 0 && len(out) < limit; i-- {
				k := [2]string{ds[i].Name, ds[i].Amount}
				if !seen[k] {
					seen[k] = true
					out = append(out, night.Dose{Night: d, Name: ds[i].Name, Amount: ds[i].Amount})
				}
			}
		}
	})
	return out, err
}

// UpdateLab replaces a date's results with what fn makes of them.
func (s *Storage) UpdateLab(_ context.Context, date string, fn func(night.Lab, bool) (night.Lab, error)) error {
	return s.write(func() error {
		old, ok := s.LabResults[date]
		if !ok {
			old = night.Lab{Date: date}
		}
		l, err := fn(old, ok)
		if err != nil {
			return err
		}
		l.Date = date
		if err := l.Validate(); err != nil {
			return err
		}
		if s.LabResults == nil {
			s.LabResults = map[string]night.Lab{}
		}
		s.LabResults[date] = l
		return nil
	})
}

// Labs reads every result, in date order.
func (s *Storage) Labs(context.Context) (out []night.Lab, err error) {
	err = s.read(func() {
		for _, d := range slices.Sorted(maps.Keys(s.LabResults)) {
			out = append(out, s.LabResults[d])
		}
	})
	return out, err
}

// DeleteLab deletes the results of date.
func (s *Storage) DeleteLab(_ context.Context, date string) (l night.Lab, had bool, err error) {
	err = s.write(func() error {
		l, had = s.LabResults[date]
		delete(s.LabResults, date)
		return nil
	})
	return l, had, err
}

// mergeLabs replaces each date's results with the imported ones; the
// caller holds the lock.
func (s *Storage) mergeLabs(labs []night.Lab) (added, updated int) {
	if s.LabResults == nil {
		s.LabResults = map[string]night.Lab{}
	}
	for _, l := range labs {
		if _, ok := s.LabResults[l.Date]; ok {
			updated++
		} else {
			added++
		}
		s.LabResults[l.Date] = l
	}
	return added, updated
}
