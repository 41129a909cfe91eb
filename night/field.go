package night

import (
	"errors"
	"regexp"
	"strings"
)

// Field names one answer of a check-in or an evening log. The same name is
// the command-line flag (--in-bed), the form field's key, and where a
// validation error points, so a message always names what to fix.
type Field string

// The check-in's answers, in the order the night went.
const (
	FieldInBed      Field = "in-bed"
	FieldTried      Field = "tried"
	FieldLatency    Field = "latency"
	FieldAwakenings Field = "awakenings"
	FieldAwake      Field = "awake"
	FieldFinal      Field = "final"
	FieldOut        Field = "out"
	FieldQuality    Field = "quality"
	FieldRested     Field = "rested"
	FieldRLS        Field = "rls"
	FieldOnset      Field = "onset"
	FieldGotUp      Field = "got-up"
	FieldNote       Field = "note"
)

// The evening log's answers, and the night either is filed under.
const (
	FieldNight    Field = "night"
	FieldSymptoms Field = "symptoms"
	FieldTag      Field = "tag"
)

// CheckinFields are the check-in's answers in the order the form asks them.
var CheckinFields = []Field{
	FieldInBed, FieldTried, FieldLatency, FieldAwakenings, FieldAwake, FieldFinal, FieldOut,
	FieldQuality, FieldRested, FieldRLS, FieldOnset, FieldGotUp, FieldNote,
	FieldOnsetAt, FieldSide, FieldArms, FieldWorst, FieldLasted, FieldPartner,
}

// ClockFields are the check-in's four clock times, in the order they
// happened.
var ClockFields = [4]Field{FieldInBed, FieldTried, FieldFinal, FieldOut}

// FieldError is a problem with one answer.
type FieldError struct {
	Field Field
	Msg   string
	// Missing is set when the answer was needed and not given at all; Msg
	// then reads on from the field's name ("is needed for ...").
	Missing bool
	// Readings, when set, are the ways an answer that reads two ways may
	// have been meant ("9:30 in the morning, or 21:30?"), each with the
	// answer that means only it: a form asks which, Msg being the question.
	Readings []Reading
}

// flagNote is a command-line flag named in a message, in parentheses,
// with or without its value: " (--rls)", " (--rls 5)".
var flagNote = regexp.MustCompile(` \(--[a-z-]+(?: [^()]*)?\)`)

// ScreenMsg is Msg for a form, where every answer is in sight by its
// label: without the command-line flags it names for the other answers
// it contradicts.
func (e *FieldError) ScreenMsg() string { return flagNote.ReplaceAllString(e.Msg, "") }

// Reading is one way of meaning an answer that reads two ways.
type Reading struct {
	Label  string // how the question names it: "9:30 in the morning"
	Answer string // what to answer to mean it: "9:30am"
}

func (e *FieldError) Error() string {
	if e.Missing {
		return string(e.Field) + " " + e.Msg
	}
	return string(e.Field) + ": " + e.Msg
}

// LogSafe describes the error without the value it quotes, for the debug
// log: only the field, and whether it was missing or invalid.
func (e *FieldError) LogSafe() string {
	if e.Missing {
		return string(e.Field) + ": missing"
	}
	return string(e.Field) + ": invalid"
}

// FieldErrors are the problems with several answers, at most one a field,
// in the order the fields are asked.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// LogSafe describes the errors without the values they quote.
func (es FieldErrors) LogSafe() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.LogSafe()
	}
	return strings.Join(msgs, "; ")
}

// At is the message for f, or "" when f is fine.
func (es FieldErrors) At(f Field) string {
	for _, e := range es {
		if e.Field == f {
			return e.Msg
		}
	}
	return ""
}

// Find is the error at f, or nil when f is fine.
func (es FieldErrors) Find(f Field) *FieldError {
	for _, e := range es {
		if e.Field == f {
			return e
		}
	}
	return nil
}

// AsFieldErrors returns the field errors inside err: a FieldErrors, or a
// single *FieldError as a list of one. It is nil when err holds neither.
func AsFieldErrors(err error) FieldErrors {
	var es FieldErrors
	if errors.As(err, &es) {
		return es
	}
	var e *FieldError
	if errors.As(err, &e) {
		return FieldErrors{e}
	}
	return nil
}

// FieldUntag is the evening flag that takes a checklist item off a log.
const FieldUntag Field = "untag"

// FieldNone is the evening flag that says none of the checklist applied.
const FieldNone Field = "none"
