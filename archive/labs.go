package archive

import (
	"fmt"

	"github.com/quietlegs/quietlegs/night"
)

// readLabs reads the top-level "labs": each result checked, no date twice.
func (p *parser) readLabs() ([]night.Lab, error) {
	if err := p.delim('[', "labs"); err != nil {
		return nil, err
	}
	var labs []night.Lab
	seen := map[string]bool{}
	for i := 0; p.dec.More(); i++ {
		off := p.skipSpace(p.dec.InputOffset())
		var l labJSON
		what := fmt.Sprintf("labs[%d]", i)
		if err := p.dec.Decode(&l); err != nil {
			return nil, p.decodeErr(err, what)
		}
		lab := night.Lab{Date: l.Date, Ferritin: l.Ferritin, TSAT: l.TSAT, Note: l.Note}
		if err := lab.Validate(); err != nil {
			return nil, p.at(off, "%s: %v", what, err)
		}
		if seen[l.Date] {
			return nil, p.at(off, "%s: the results of %s appear twice", what, l.Date)
		}
		seen[l.Date] = true
		labs = append(labs, lab)
	}
	if err := p.delim(']', "labs"); err != nil {
		return nil, err
	}
	return labs, nil
}
