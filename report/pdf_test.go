package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHTMLPrintsOnTwoPages prints the golden fixture's HTML with headless
// Chromium and checks, in pdftotext's reading of the PDF, that 14 nights
// fit on at most two pages and that the diary table's figures are there.
// Without chromium or pdftotext it skips, unless CI is set: CI installs
// both (chromium, poppler-utils) and must not pass by skipping.
func TestHTMLPrintsOnTwoPages(t *testing.T) {
	chromium, err1 := exec.LookPath("chromium")
	pdftotext, err2 := exec.LookPath("pdftotext")
	if err1 != nil || err2 != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but chromium (%v) or pdftotext (%v) is missing", err1, err2)
		}
		t.Skip("needs chromium and pdftotext (poppler-utils)")
	}
	o := options()
	o.Format = HTML
	var buf bytes.Buffer
	if err := Write(&buf, fixture(t), o); err != nil {
		t.Fatal(err)
	}
	// The report leaves the paper to the printer; Chromium's default is
	// Letter, and A4 is forced here by a page size added to the style.
	for paper, html := range map[string]string{
		"letter": buf.String(),
		"a4":     strings.Replace(buf.String(), "@page {", "@page { size: A4;", 1),
	} {
		t.Run(paper, func(t *testing.T) { printAndCheck(t, chromium, pdftotext, html) })
	}
}

func printAndCheck(t *testing.T, chromium, pdftotext, html string) {
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	pdf := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-pdf-header-footer", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--print-to-pdf="+pdf, "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if info, err := exec.CommandContext(ctx, "pdfinfo", pdf).Output(); err == nil {
		t.Logf("%s", bytes.TrimSpace(info))
	}
	out, err := exec.CommandContext(ctx, pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	// pdftotext ends every page with a form feed.
	if pages := strings.Count(text, "\f"); pages < 1 || pages > 2 {
		t.Errorf("%d pages, want 1 or 2", pages)
	}
	for _, want := range []string{
		"Sleep diary, night by night", "Fri 13 Nov", "23:15", "6 h 55 min", "4 h 45 min", "68.7", "94.9",
		"8 h 7 min", "84.6 %", "RLS-6",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("pdftotext:\n%s", text)
	}
}
