package report

import (
	"bufio"
	"fmt"
	"html"
	"math"
	"strings"
)

// The report is built once as a list of blocks, then written as Markdown
// or HTML, so both formats always carry the same figures. Text in blocks
// is plain; each writer escapes it.
type block interface{}

type (
	heading string
	para    string
	bullets []string
	// table's right marks the columns aligned right (numbers).
	table struct {
		class string
		head  []string
		right []bool
		rows  [][]string
	}
	// chart is one bar a night; NaN is a night without a value. Only the
	// HTML shows charts.
	chart struct {
		title, unit string
		lo, hi      float64
		labels      []string
		values      []float64
	}
)

func writeMarkdown(b *bufio.Writer, title string, blocks []block) {
	fmt.Fprintf(b, "# %s\n\n", esc(title))
	for _, bl := range blocks {
		switch x := bl.(type) {
		case heading:
			fmt.Fprintf(b, "## %s\n\n", esc(string(x)))
		case para:
			fmt.Fprintf(b, "%s\n\n", escLead(string(x)))
		case bullets:
			for _, s := range x {
				fmt.Fprintf(b, "- %s\n", escLead(s))
			}
			fmt.Fprint(b, "\n")
		case table:
			row := func(cells []string) {
				out := make([]string, len(cells))
				for i, c := range cells {
					out[i] = esc(c)
				}
				fmt.Fprintf(b, "| %s |\n", strings.Join(out, " | "))
			}
			row(x.head)
			rule := make([]string, len(x.head))
			for i := range rule {
				rule[i] = "---"
				if i < len(x.right) && x.right[i] {
					rule[i] = "---:"
				}
			}
			fmt.Fprintf(b, "|%s|\n", strings.Join(rule, "|"))
			for _, r := range x.rows {
				row(r)
			}
			fmt.Fprint(b, "\n")
		case chart:
			// Markdown has no charts; the table of nights holds the figures.
		}
	}
}

// css prints on A4 and Letter alike: the page box is left to the printer,
// and the content fits the narrower (A4) width and the shorter (Letter)
// height.
const css = `
:root { color-scheme: light; }
body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; margin: 1.5em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.1em; margin: 1.1em 0 .35em; border-bottom: 1px solid #bbb; }
p, ul { margin: .3em 0 .5em; }
table { border-collapse: collapse; margin: .3em 0 .6em; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: .15em .35em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
td.r, th.r { text-align: right; }
table.nights { font-size: .8em; width: 100%; }
table.nights td { white-space: nowrap; }
table.nights td.wrap { white-space: normal; }
figure { margin: .3em 0 .6em; }
figcaption { font-size: .85em; color: #333; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 9px system-ui, Arial, sans-serif; fill: #333; }
.bar { fill: #4a6fa5; }
.grid { stroke: #ddd; stroke-width: .5; }
.charts { display: flex; gap: 1em; }
.charts figure { flex: 1; }
footer { margin-top: 1em; font-size: .85em; color: #333; }
@page { margin: 11mm 10mm; }
@media print {
  body { font-size: 7.5pt; line-height: 1.25; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 1.35em; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: .6em; }
  table, figure { break-inside: avoid; page-break-inside: avoid; }
  table.nights { break-inside: auto; page-break-inside: auto; font-size: 7pt; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

func writeHTML(b *bufio.Writer, title string, blocks []block) {
	h := html.EscapeString
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"+
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<h1>%s</h1>\n",
		h(title), css, h(title))
	inCharts := false
	for _, bl := range blocks {
		if _, ok := bl.(chart); !ok && inCharts {
			fmt.Fprint(b, "</div>\n")
			inCharts = false
		}
		switch x := bl.(type) {
		case heading:
			fmt.Fprintf(b, "<h2>%s</h2>\n", h(string(x)))
		case para:
			fmt.Fprintf(b, "<p>%s</p>\n", h(string(x)))
		case bullets:
			fmt.Fprint(b, "<ul>\n")
			for _, s := range x {
				fmt.Fprintf(b, "<li>%s</li>\n", h(s))
			}
			fmt.Fprint(b, "</ul>\n")
		case table:
			if x.class != "" {
				fmt.Fprintf(b, "<table class=\"%s\">\n", x.class)
			} else {
				fmt.Fprint(b, "<table>\n")
			}
			cell := func(tag string, i int, s string) {
				attr := ""
				switch {
				case i < len(x.right) && x.right[i]:
					attr = ` class="r"`
				case tag == "td" && x.class == "nights" && i == len(x.head)-1:
					attr = ` class="wrap"`
				}
				fmt.Fprintf(b, "<%s%s>%s</%s>", tag, attr, h(s), tag)
			}
			fmt.Fprint(b, "<thead><tr>")
			for i, c := range x.head {
				cell("th", i, c)
			}
			fmt.Fprint(b, "</tr></thead>\n<tbody>\n")
			for _, r := range x.rows {
				fmt.Fprint(b, "<tr>")
				for i, c := range r {
					cell("td", i, c)
				}
				fmt.Fprint(b, "</tr>\n")
			}
			fmt.Fprint(b, "</tbody>\n</table>\n")
		case chart:
			if !inCharts {
				fmt.Fprint(b, "<div class=\"charts\">\n")
				inCharts = true
			}
			writeSVG(b, x)
		}
	}
	if inCharts {
		fmt.Fprint(b, "</div>\n")
	}
	fmt.Fprint(b, "</body>\n</html>\n")
}

// writeSVG draws a chart as inline SVG: one bar a night, a faint grid at
// the axis ends and middle, and the first and last night named below.
func writeSVG(b *bufio.Writer, c chart) {
	const w, ht, left, bottom, top = 300.0, 80.0, 24.0, 14.0, 6.0
	n := len(c.values)
	plotW, plotH := w-left-4, ht-bottom-top
	h := html.EscapeString
	fmt.Fprintf(b, "<figure>\n<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n", w, ht, h(c.title))
	for _, v := range []float64{c.lo, (c.lo + c.hi) / 2, c.hi} {
		y := top + plotH*(1-(v-c.lo)/(c.hi-c.lo))
		fmt.Fprintf(b, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", left, y, w-4, y)
		fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left-3, y+3, trimNum(v))
	}
	if n > 0 {
		slot := plotW / float64(n)
		for i, v := range c.values {
			if math.IsNaN(v) {
				continue
			}
			v = math.Min(math.Max(v, c.lo), c.hi)
			bh := plotH * (v - c.lo) / (c.hi - c.lo)
			fmt.Fprintf(b, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>\n",
				left+float64(i)*slot+slot*0.15, top+plotH-bh, slot*0.7, bh, h(c.labels[i]), h(trimNum(v)+c.unit))
		}
		fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", left, ht-3, h(c.labels[0]))
		fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", w-4, ht-3, h(c.labels[n-1]))
	}
	fmt.Fprintf(b, "</svg>\n<figcaption>%s</figcaption>\n</figure>\n", h(c.title))
}

// trimNum is a number with at most one decimal and no trailing ".0".
func trimNum(v float64) string {
	return strings.TrimSuffix(fixed1(v), ".0")
}
