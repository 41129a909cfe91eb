package remind

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var now = time.Date(2026, 12, 1, 18, 5, 0, 0, time.UTC)

func TestFoldKeepsLinesShortAndCharactersWhole(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("Zeit für die Abendroutine — ", 6)
	got := fold(long)
	if !strings.HasSuffix(got, "\r\n") {
		t.Fatalf("no CRLF at the end: %q", got)
	}
	lines := strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n")
	if len(lines) < 3 {
		t.Fatalf("a %d-octet line folded into %d lines", len(long), len(lines))
	}
	for i, l := range lines {
		if len(l) > 75 || !utf8.ValidString(l) || i > 0 && !strings.HasPrefix(l, " ") {
			t.Errorf("line %d is %d octets, valid UTF-8 %v: %q", i, len(l), utf8.ValidString(l), l)
		}
	}
	if unfolded := strings.ReplaceAll(strings.TrimSuffix(got, "\r\n"), "\r\n ", ""); unfolded != long {
		t.Errorf("unfolds to %q", unfolded)
	}
}

func TestCalendarLinesEndInCRLF(t *testing.T) {
	ics := string(Calendar(now, []Reminder{Evening(21, 30), Morning(7, 30)}))
	if strings.Count(ics, "\n") != strings.Count(ics, "\r\n") {
		t.Error("a line ends in a bare LF")
	}
	for _, want := range []string{"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "DTSTART:20261201T213000\r\n", "DTSTART:20261201T073000\r\n",
		"RRULE:FREQ=DAILY\r\n", "ACTION:DISPLAY\r\n", "DTSTAMP:20261201T180500Z\r\n", "END:VCALENDAR\r\n"} {
		if !strings.Contains(ics, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if got := escapeText(`a,b;c\d` + "\ne"); got != `a\,b\;c\\d\ne` {
		t.Errorf("escapeText: %q", got)
	}
}

// Made on another day with other times, the events keep their UIDs, so a
// calendar updates them rather than adding two more.
func TestCalendarUIDsAreStable(t *testing.T) {
	uids := func(ics []byte) []string {
		var out []string
		for _, l := range strings.Split(string(ics), "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				out = append(out, l)
			}
		}
		return out
	}
	a := uids(Calendar(now, []Reminder{Evening(21, 30), Morning(7, 30)}))
	b := uids(Calendar(now.AddDate(0, 1, 3), []Reminder{Evening(22, 0), Morning(6, 45)}))
	if len(a) != 2 || strings.Join(a, " ") != strings.Join(b, " ") || a[0] == a[1] {
		t.Errorf("UIDs %q, then %q", a, b)
	}
}

// python is Debian's python3 with its icalendar module (python3-icalendar,
// which .ci/run installs), or "".
func python(t *testing.T) string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import icalendar").Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI: no python3 with the icalendar module (Debian: python3-icalendar)")
	}
	t.Skip("no python3 with the icalendar module (Debian: python3-icalendar)")
	return ""
}

// A real parser reads the file as two daily events with a display alarm.
func TestCalendarParsesWithIcalendar(t *testing.T) {
	py := python(t)
	path := filepath.Join(t.TempDir(), "quietlegs.ics")
	if err := os.WriteFile(path, Calendar(now, []Reminder{Evening(21, 30), Morning(7, 30)}), 0o600); err != nil {
		t.Fatal(err)
	}
	const script = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for ev in cal.walk('VEVENT'):
    alarms = [a for a in ev.walk('VALARM')]
    out.append({'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']),
                'start': ev.decoded('DTSTART').strftime('%H:%M'),
                'freq': ev['RRULE']['FREQ'][0],
                'alarm': str(alarms[0]['ACTION']) if alarms else ''})
print(json.dumps(out))
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("icalendar refused the file: %v\n%s", err, out)
	}
	var evs []struct{ UID, Summary, Start, Freq, Alarm string }
	if err := json.Unmarshal(bytes.TrimSpace(out), &evs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := []struct{ summary, start string }{{"Evening wind-down", "21:30"}, {"Morning check-in", "07:30"}}
	if len(evs) != len(want) {
		t.Fatalf("%d events: %s", len(evs), out)
	}
	for i, w := range want {
		if e := evs[i]; e.Summary != w.summary || e.Start != w.start || e.Freq != "DAILY" || e.Alarm != "DISPLAY" || e.UID == "" {
			t.Errorf("event %d: %+v, want %s at %s, daily, with a display alarm", i, e, w.summary, w.start)
		}
	}
}

func TestUnitsVerify(t *testing.T) {
	us := Units([]Reminder{Evening(21, 30), Morning(7, 5)}, "/usr/bin/notify-send")
	if len(us) != 4 {
		t.Fatalf("%d units", len(us))
	}
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	if strings.Join(names, " ") != strings.Join(UnitNames(), " ") {
		t.Errorf("units %q, want %q", names, UnitNames())
	}
	if !strings.Contains(us[3].Text, "OnCalendar=*-*-* 07:05:00\n") {
		t.Errorf("the morning timer:\n%s", us[3].Text)
	}
	if got := execQuote(`50% "off" $HOME`); got != `"50%% \"off\" $$HOME"` {
		t.Errorf("execQuote: %s", got)
	}
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("no systemd-analyze to verify the units with")
	}
	dir := t.TempDir()
	var paths []string
	for _, u := range us {
		p := filepath.Join(dir, u.Name)
		text := u.Text
		// verify checks that the program exists: /bin/true stands in for a
		// notify-send this machine may lack.
		text = strings.Replace(text, `"/usr/bin/notify-send"`, `"/bin/true"`, 1)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	cmd := exec.Command(sa, append([]string{"verify", "--user"}, paths...)...)
	// A user manager needs a runtime folder, which a test machine may lack.
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("quietlegs-")) {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
