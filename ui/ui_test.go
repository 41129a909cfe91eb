package ui

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
)

var update = flag.Bool("update", false, "rewrite golden files")

var t0 = time.Date(2026, 11, 22, 21, 30, 0, 0, time.UTC)

// fakeSaver keeps what a run saved, and can be told to fail.
type fakeSaver struct {
	started []night.Run
	cps     []night.Checkpoint
	ids     []int64 // the run id of each checkpoint
	fail    error
}

func (f *fakeSaver) StartRun(_ context.Context, n night.Run) (int64, error) {
	if f.fail != nil {
		return 0, f.fail
	}
	f.started = append(f.started, n)
	return int64(len(f.started)), nil
}

func (f *fakeSaver) Checkpoint(_ context.Context, id int64, cp night.Checkpoint) error {
	if f.fail != nil {
		return f.fail
	}
	f.cps = append(f.cps, cp)
	f.ids = append(f.ids, id)
	return nil
}

func (f *fakeSaver) last() night.Checkpoint { return f.cps[len(f.cps)-1] }

// testRoutine: a two-sided stretch, a massage with a safety note, and
// 4-6 breathing. 2:00 in all.
func testRoutine() *routine.Routine { return uitest.Routine() }

// fakeDiary keeps evening logs and check-ins by night, and can be told to
// fail saving or reading.
type fakeDiary struct {
	evenings map[string]night.Evening
	checkins map[string]night.Checkin
	session  *night.Run
	// savedEvenings and savedCheckins are every save, in order.
	savedEvenings  []night.Evening
	savedCheckins  []night.Checkin
	fail, readFail error
}

func newFakeDiary() *fakeDiary {
	return &fakeDiary{evenings: map[string]night.Evening{}, checkins: map[string]night.Checkin{}}
}

func (f *fakeDiary) SaveEvening(_ context.Context, e night.Evening) error {
	if f.fail != nil {
		return f.fail
	}
	f.savedEvenings = append(f.savedEvenings, e)
	f.evenings[e.Night] = e
	return nil
}

func (f *fakeDiary) Evening(_ context.Context, date string) (night.Evening, bool, error) {
	e, ok := f.evenings[date]
	return e, ok, f.readFail
}

func (f *fakeDiary) SaveCheckin(_ context.Context, c night.Checkin) error {
	if f.fail != nil {
		return f.fail
	}
	f.savedCheckins = append(f.savedCheckins, c)
	f.checkins[c.Night] = c
	return nil
}

func (f *fakeDiary) Checkin(_ context.Context, date string) (night.Checkin, bool, error) {
	c, ok := f.checkins[date]
	return c, ok, f.readFail
}

func (f *fakeDiary) LatestCheckin(context.Context) (night.Checkin, bool, error) {
	var latest night.Checkin
	for n, c := range f.checkins {
		if n > latest.Night {
			latest = c
		}
	}
	return latest, latest.Night != "", f.readFail
}

func (f *fakeDiary) LatestRun(context.Context) (night.Run, bool, error) {
	if f.session == nil {
		return night.Run{}, false, f.readFail
	}
	return *f.session, true, f.readFail
}

func testSettings() night.Settings {
	return night.Settings{Boundary: 12, Checklist: []night.Item{
		{ID: "caffeine", Label: "Caffeine after noon"},
		{ID: "alcohol", Label: "Alcohol"},
		{ID: "magnesium", Label: "Magnesium"},
		{ID: "screens", Label: "Screen time in the last hour"},
	}}
}

// harness drives a Root without a terminal: ticks come back at once and
// say what delay they asked for.
type harness struct {
	t     *testing.T
	root  *Root
	clock *routine.FakeClock
	saver *fakeSaver
	diary *fakeDiary
	runs  *fakeRuns
	ticks []time.Duration
}

// testOptions are Options with the parts of the journal a test sets: its
// fakes, clock, settings and routines.
type testOptions struct {
	Library  *routine.Library
	Saver    *fakeSaver
	Clock    routine.Clock
	Diary    *fakeDiary
	History  *fakeHistory
	Runs     *fakeRuns
	Settings night.Settings
	// Storage, when set, is used instead of the fakes.
	Storage journal.Storage

	Speed float64
	Quiet bool
	// Cues, when set, replaces the bells (or silence, with Quiet).
	Cues           *cue.Cues
	SkipEveningLog bool
	Start          Start
	Routine        *routine.Routine
	Night          string
}

// newHarness fills in what o leaves out: the clock at t0 (or o's own
// FakeClock), a fake saver, diary, history (showing the diary) and runs,
// speed 1 and testSettings.
func newHarness(t *testing.T, o testOptions, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, clock: routine.NewFakeClock(t0), saver: &fakeSaver{}, diary: newFakeDiary(), runs: &fakeRuns{}}
	if c, ok := o.Clock.(*routine.FakeClock); ok {
		hs.clock = c
	}
	if o.Clock == nil {
		o.Clock = hs.clock
	}
	if o.Saver == nil {
		o.Saver = hs.saver
	}
	if o.Diary != nil {
		hs.diary = o.Diary
	}
	if o.Diary == nil {
		o.Diary = hs.diary
	}
	if o.History == nil {
		o.History = &fakeHistory{Evenings: hs.diary.evenings, Checkins: hs.diary.checkins}
	}
	if o.Runs != nil {
		hs.runs = o.Runs
	}
	if o.Runs == nil {
		o.Runs = hs.runs
	}
	if o.Speed == 0 {
		o.Speed = 1
	}
	if o.Settings.Boundary == 0 && o.Settings.Checklist == nil {
		o.Settings = testSettings()
	}
	hs.root = New(o.options())
	hs.root.sh.Tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		hs.ticks = append(hs.ticks, d)
		return func() tea.Msg { return fn(time.Time{}) }
	}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.root.Init())
	return hs
}

// options builds the journal over o's fakes.
func (o testOptions) options() Options {
	var st journal.Storage = &fakeStorage{saver: o.Saver, diary: o.Diary, history: o.History, runs: o.Runs}
	if o.Storage != nil {
		st = o.Storage
	}
	j := journal.New(st, journal.Config{Settings: o.Settings, Library: o.Library, Clock: o.Clock})
	// Bells, never chimes: no test plays a sound.
	sound := cue.Bell
	if o.Quiet {
		sound = cue.Off
	}
	cues := o.Cues
	if cues == nil {
		cues, _ = cue.New(cue.Options{Sound: sound})
	}
	return Options{Journal: j, Speed: o.Speed, Cues: cues, SkipEveningLog: o.SkipEveningLog,
		Start: o.Start, Routine: o.Routine, Night: o.Night}
}

// run executes cmd and feeds back what it produces, except ticks, which are
// returned so the test decides when time passes. It reports bells and
// whether the program asked to quit.
func (hs *harness) run(cmd tea.Cmd) (pending []tea.Msg, bells int, quit bool) {
	if cmd == nil {
		return nil, 0, false
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			p, b, q := hs.run(c)
			pending, bells, quit = append(pending, p...), bells+b, quit || q
		}
	case tea.RawMsg:
		if s, ok := msg.Msg.(string); ok {
			bells += strings.Count(s, "\a")
		}
	case tea.QuitMsg:
		quit = true
	case tickMsg:
		pending = append(pending, msg)
	case nil:
	default:
		p, b, q := hs.send(msg)
		pending, bells, quit = append(pending, p...), bells+b, quit || q
	}
	return pending, bells, quit
}

func (hs *harness) send(msg tea.Msg) ([]tea.Msg, int, bool) {
	_, cmd := hs.root.Update(msg)
	return hs.run(cmd)
}

func (hs *harness) key(k string) ([]tea.Msg, int, bool) {
	return hs.send(keyPress(k))
}

// keys presses each key in turn and reports whether any asked to quit.
func (hs *harness) keys(ks ...string) (quit bool) {
	for _, k := range ks {
		_, _, q := hs.key(k)
		quit = quit || q
	}
	return quit
}

// typeText types s one character at a time.
func (hs *harness) typeText(s string) {
	for _, r := range s {
		hs.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// wait lets d pass and delivers the latest tick, as the program would.
func (hs *harness) wait(d time.Duration) (int, bool) {
	hs.clock.Advance(d)
	_, bells, quit := hs.send(tickMsg{gen: hs.root.runner.gen})
	return bells, quit
}

func (hs *harness) view() string {
	return ansi.Strip(hs.root.View().Content)
}

func keyPress(k string) tea.KeyPressMsg { return uitest.KeyPress(k) }

// golden compares got with testdata/NAME.golden; -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file.\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func checkSize(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view has %d lines, screen has %d", len(lines), h)
	}
	for i, l := range lines {
		if cw := ansi.StringWidth(l); cw > w {
			t.Errorf("line %d is %d cells wide, screen is %d: %q", i+1, cw, w, l)
		}
	}
}

var errDiskFull = errors.New("disk I/O error: database or disk is full")

func pasteMsg(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }

// fakeRuns stands for the run lock and a run cut off.
type fakeRuns struct {
	interrupted *night.Run
	// elsewhere is a routine running in another window.
	elsewhere       bool
	readErr, cpFail error
	locks           int
	// cps are the sessions recorded as ended, by id.
	cps map[int64]night.Checkpoint
}

func (f *fakeRuns) Interrupted(context.Context) (night.Run, bool, error) {
	if f.readErr != nil || f.interrupted == nil || f.elsewhere {
		return night.Run{}, false, f.readErr
	}
	return *f.interrupted, true, nil
}

// nopLock is a run lock that holds nothing.
type nopLock struct{}

func (nopLock) Release() error { return nil }

func (f *fakeRuns) LockRun() (journal.Lock, error) {
	if f.elsewhere {
		return nil, journal.ErrRunElsewhere
	}
	f.locks++
	return nopLock{}, nil
}

func (f *fakeRuns) RunningElsewhere() (bool, error) { return f.elsewhere, nil }

func (f *fakeRuns) Checkpoint(_ context.Context, id int64, cp night.Checkpoint) error {
	if f.cpFail != nil {
		return f.cpFail
	}
	if f.cps == nil {
		f.cps = map[int64]night.Checkpoint{}
	}
	f.cps[id] = cp
	return nil
}

// fakeStorage is the journal's storage over the tests' fakes: the diary
// keeps logs and check-ins, the saver the runs this window starts, the
// runs the lock and the run cut off, and the history the nights.
type fakeStorage struct {
	saver   *fakeSaver
	diary   *fakeDiary
	history *fakeHistory
	runs    *fakeRuns
	// backups counts the copies made before deleting; deleteErr fails
	// every delete.
	backups   int
	deleteErr error
	// doses keeps what was taken and the iron results (see doses_fake_test.go).
	doses *journaltest.Storage
	// events are the flare-ups saved, one an instant.
	eventsMu sync.Mutex
	events   []night.Event
}

func (f *fakeStorage) SaveEvent(_ context.Context, e night.Event) (int64, error) {
	f.eventsMu.Lock()
	defer f.eventsMu.Unlock()
	for i, old := range f.events {
		if old.At.Equal(e.At) {
			f.events[i] = e
			return int64(i + 1), nil
		}
	}
	f.events = append(f.events, e)
	return int64(len(f.events)), nil
}

// AddEvent is unused by the screens, which only ever save by instant.
func (f *fakeStorage) AddEvent(context.Context, night.Event) (night.Event, bool, error) {
	return night.Event{}, false, errors.New("the screens never add a flare-up from flags")
}

func (f *fakeStorage) Evening(ctx context.Context, d string) (night.Evening, bool, error) {
	return f.diary.Evening(ctx, d)
}
func (f *fakeStorage) SaveEvening(ctx context.Context, e night.Evening) error {
	return f.diary.SaveEvening(ctx, e)
}
func (f *fakeStorage) Checkin(ctx context.Context, d string) (night.Checkin, bool, error) {
	return f.diary.Checkin(ctx, d)
}
func (f *fakeStorage) SaveCheckin(ctx context.Context, c night.Checkin) error {
	return f.diary.SaveCheckin(ctx, c)
}
func (f *fakeStorage) UpdateEvening(ctx context.Context, d string, fn func(night.Evening, bool) (night.Evening, error)) error {
	old, ok, err := f.diary.Evening(ctx, d)
	if err != nil {
		return err
	}
	e, err := fn(old, ok)
	if err != nil {
		return err
	}
	return f.diary.SaveEvening(ctx, e)
}
func (f *fakeStorage) UpdateCheckin(ctx context.Context, d string, fn func(night.Checkin, bool) (night.Checkin, error)) error {
	old, ok, err := f.diary.Checkin(ctx, d)
	if err != nil {
		return err
	}
	c, err := fn(old, ok)
	if err != nil {
		return err
	}
	return f.diary.SaveCheckin(ctx, c)
}
func (f *fakeStorage) LatestCheckin(ctx context.Context) (night.Checkin, bool, error) {
	return f.diary.LatestCheckin(ctx)
}
func (f *fakeStorage) StartRun(ctx context.Context, r night.Run) (int64, error) {
	return f.saver.StartRun(ctx, r)
}

// Checkpoint goes to the saver; one for a run this window did not start
// (a run cut off, ended or resumed) goes to the fake runs as well.
func (f *fakeStorage) Checkpoint(ctx context.Context, id int64, cp night.Checkpoint) error {
	if int(id) > len(f.saver.started) {
		if err := f.runs.Checkpoint(ctx, id, cp); err != nil {
			return err
		}
	}
	return f.saver.Checkpoint(ctx, id, cp)
}
func (f *fakeStorage) LatestRun(ctx context.Context) (night.Run, bool, error) {
	return f.diary.LatestRun(ctx)
}
func (f *fakeStorage) Interrupted(ctx context.Context) (night.Run, bool, error) {
	return f.runs.Interrupted(ctx)
}
func (f *fakeStorage) LockRun() (journal.Lock, error)  { return f.runs.LockRun() }
func (f *fakeStorage) RunningElsewhere() (bool, error) { return f.runs.RunningElsewhere() }
func (f *fakeStorage) Nights(ctx context.Context, from, to string) ([]night.Record, error) {
	recs, err := f.history.Nights(ctx, from, to)
	// The diary's run shows in its night, as the store's would.
	if r := f.diary.session; err == nil && r != nil && (from == "" || r.Night >= from) && (to == "" || r.Night <= to) {
		i := slices.IndexFunc(recs, func(rec night.Record) bool { return rec.Night == r.Night })
		if i < 0 {
			recs = append(recs, night.Record{Night: r.Night})
			slices.SortFunc(recs, func(a, b night.Record) int { return strings.Compare(a.Night, b.Night) })
			i = slices.IndexFunc(recs, func(rec night.Record) bool { return rec.Night == r.Night })
		}
		recs[i].Runs = append(slices.Clone(recs[i].Runs), *r)
	}
	return recs, err
}
func (f *fakeStorage) EachNight(ctx context.Context, from, to string, fn func(night.Record) error) error {
	return journaltest.Each(f.Nights(ctx, from, to))(fn)
}
func (f *fakeStorage) EachNightBrief(ctx context.Context, fn func(night.Record) error) error {
	return f.EachNight(ctx, "", "", func(r night.Record) error {
		if b, ok := journaltest.Brief(r); ok {
			return fn(b)
		}
		return nil
	})
}
func (f *fakeStorage) NightRange(ctx context.Context) (string, string, int, error) {
	return f.history.NightRange(ctx)
}
func (f *fakeStorage) Import(context.Context, []night.Record, []night.Lab) (journal.ImportResult, error) {
	return journal.ImportResult{}, nil
}
func (f *fakeStorage) StartExperiment(context.Context, func(journal.Experiment, bool) (journal.Experiment, error)) (int64, error) {
	return 0, errors.New("the ui tests keep no experiments")
}
func (f *fakeStorage) LatestExperiment(context.Context) (journal.Experiment, bool, error) {
	return journal.Experiment{}, false, nil
}
func (f *fakeStorage) StopExperiment(context.Context, int64, time.Time) error { return nil }
func (f *fakeStorage) Backup(context.Context, string) error                   { return nil }
func (f *fakeStorage) DeleteNight(_ context.Context, d string, part journal.Part) error {
	if f.deleteErr != nil {
		return f.deleteErr
	}
	f.history.Delete(d, part.Has(journal.EveningPart), part.Has(journal.CheckinPart), part.Has(journal.RunsPart))
	return nil
}
func (f *fakeStorage) BackupBeforeDelete(context.Context) (string, error) {
	f.backups++
	return "/fake/quietlegs.db.delete-1.bak", nil
}
func (f *fakeStorage) Path() string { return "/fake/quietlegs.db" }
