package ui

import (
	"slices"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/form"
)

// moreLegsKey names the question that opens the optional leg items: one
// enter passes them by, so skipping them costs a single key.
const moreLegsKey = "more-legs"

// legItemKeys are the optional leg items, in the order the form asks them.
var legItemKeys = []night.Field{
	night.FieldOnsetAt, night.FieldSide, night.FieldArms, night.FieldWorst, night.FieldLasted, night.FieldPartner,
}

// legItemFields are the check-in's optional leg items, behind a question
// that opens them: open already when the night has any of them. Each
// choice starts at "not said", which records nothing.
func legItemFields(a journal.Answers, clock func(night.Field, string) *form.Field) []*form.Field {
	open := slices.ContainsFunc(legItemKeys, func(f night.Field) bool { return a[f] != "" })
	more := form.NewChoice(moreLegsKey, "More about your legs", []form.Option{{Label: "no", ID: "no"}, {Label: "yes", ID: "yes"}}, 0)
	more.Hint = "optional: start time, side, worst, how long, partner"
	if open {
		more.Select(1)
	}
	unsaid := form.Option{Label: "not said", ID: ""}
	choice := func(f night.Field, label string, opts ...form.Option) *form.Field {
		opts = append([]form.Option{unsaid}, opts...)
		sel := max(slices.IndexFunc(opts, func(o form.Option) bool { return o.ID == a[f] }), 0)
		return form.NewChoice(string(f), label, opts, sel)
	}
	var sides, partners []form.Option
	for _, s := range night.Sides {
		sides = append(sides, form.Option{Label: s.Label(), ID: string(s)})
	}
	for _, p := range night.Partners {
		partners = append(partners, form.Option{Label: p.Label(), ID: string(p)})
	}
	onsetAt := clock(night.FieldOnsetAt, "Time symptoms started")
	onsetAt.Hint = "HH:MM, optional"
	worst := form.NewText(string(night.FieldWorst), "Worst moment", form.Number, 2, a[night.FieldWorst])
	worst.Hint = "0 none … 10 the worst, optional"
	lasted := form.NewText(string(night.FieldLasted), "How long they lasted", form.Number, 4, a[night.FieldLasted])
	lasted.Unit, lasted.Hint = "min", "minutes, optional"
	partner := choice(night.FieldPartner, "Bed partner noticed jerks", partners...)
	partner.Hint = "a bed partner noticed leg jerks or kicking"
	return []*form.Field{
		more,
		onsetAt,
		choice(night.FieldSide, "Which side", sides...),
		choice(night.FieldArms, "Arms or elsewhere too", form.Option{Label: "yes", ID: "yes"}, form.Option{Label: "no", ID: "no"}),
		worst,
		lasted,
		partner,
	}
}

// showLegItems shows the optional leg items when their question says
// yes, and hides them otherwise: hidden, they are left out of the answers
// and keep what the night had.
func showLegItems(f *form.Form) {
	more := f.Field(moreLegsKey)
	if more == nil {
		return
	}
	for _, k := range legItemKeys {
		if fl := f.Field(string(k)); fl != nil {
			fl.SetHidden(more.Answer() != "yes")
		}
	}
}
