package insight

import "encoding/json"

// MarshalJSON writes the result in the form the package doc of Result
// gives, with from and to null when there are no nights and comparisons
// an empty list rather than null.
func (r Result) MarshalJSON() ([]byte, error) {
	var from, to *string
	if r.From != "" {
		from, to = &r.From, &r.To
	}
	cs := r.Comparisons
	if cs == nil {
		cs = []Comparison{}
	}
	rl := r.Relief
	if rl == nil {
		rl = []Relief{}
	}
	return json.Marshal(struct {
		Nights      int          `json:"nights"`
		From        *string      `json:"from"`
		To          *string      `json:"to"`
		Method      string       `json:"method"`
		Comparisons []Comparison `json:"comparisons"`
		Relief      []Relief     `json:"relief"`
	}{r.Nights, from, to, r.Method, cs, rl})
}
