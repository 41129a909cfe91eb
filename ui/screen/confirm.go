package screen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Answer is what a key said to a Confirm.
type Answer int

const (
	// Undecided: the key was not an answer; the question stands, and the
	// key is not for anything else either.
	Undecided Answer = iota
	Yes
	No
	// Quit: the person asked to end the program instead of answering.
	Quit
)

// Confirm is a yes/no question asked before something that loses work or
// leaves: leaving a form with answers in it, leaving a routine, starting a
// second routine, deleting a night. Only Yes does it: Enter and any other
// key answer no (a tired hand pressing Enter keeps what it has), and Quit,
// when set, ends the program.
type Confirm struct {
	Yes, No key.Binding
	// Quit, when enabled, ends the program from the question.
	Quit     key.Binding
	question string
	asking   bool
}

// NewConfirm is a question answered by yes and no; quit may be a zero
// binding for none.
func NewConfirm(yes, no, quit key.Binding) Confirm {
	return Confirm{Yes: yes, No: no, Quit: quit}
}

// Ask puts the question.
func (c *Confirm) Ask(question string) { c.question, c.asking = question, true }

// Asking reports whether the question is waiting for an answer.
func (c *Confirm) Asking() bool { return c.asking }

// Question is the question being asked.
func (c *Confirm) Question() string { return c.question }

// Update reads a key as an answer: Yes is yes, Quit quits, and every other
// key is no. Either answer puts the question away.
func (c *Confirm) Update(k tea.KeyPressMsg) Answer {
	switch {
	case c.Quit.Enabled() && len(c.Quit.Keys()) > 0 && key.Matches(k, c.Quit):
		return Quit
	case key.Matches(k, c.Yes):
		c.asking = false
		return Yes
	}
	c.asking = false
	return No
}

// Line is the question with its answers after it, "… y yes · n stay",
// wrapped to the screen: for a status line.
func (c *Confirm) Line(ctx *Context) string {
	y, n := c.Yes.Help(), c.No.Help()
	return Wrap(ctx.Styles.Warn, ctx.Width, c.question+"  "+y.Key+" "+y.Desc+" · "+n.Key+" "+n.Desc)
}

// Help is the answers' bindings, for a help line.
func (c *Confirm) Help() []key.Binding {
	bs := []key.Binding{c.Yes, c.No}
	if len(c.Quit.Keys()) > 0 {
		bs = append(bs, c.Quit)
	}
	return bs
}
