package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// number writes x with the given decimals in Vietnamese style: dot for thousands, comma for decimals
// (1.234,5).
func number(x float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// duration writes d in the unit that suits it, with three significant digits or so.
func duration(d time.Duration) string {
	switch {
	case d <= 0:
		return "0"
	case d < time.Microsecond:
		return number(float64(d.Nanoseconds()), 0) + " ns"
	case d < time.Millisecond:
		return number(float64(d)/float64(time.Microsecond), decimalsFor(float64(d)/float64(time.Microsecond))) + " µs"
	case d < 10*time.Second:
		ms := float64(d) / float64(time.Millisecond)
		return number(ms, decimalsFor(ms)) + " ms"
	default:
		return number(d.Seconds(), 1) + " s"
	}
}

// decimalsFor gives one to two decimals for small values, none for large ones.
func decimalsFor(x float64) int {
	switch {
	case x < 10:
		return 2
	case x < 100:
		return 1
	default:
		return 0
	}
}

// megabytes writes a byte count in MB (2^20 bytes).
func megabytes(b int64) string {
	if b <= 0 {
		return "–"
	}
	return number(float64(b)/(1<<20), 1) + " MB"
}

// kilobytes writes a byte count in KB (2^10 bytes).
func kilobytes(b int64) string {
	return number(float64(b)/(1<<10), 0) + " KB"
}

// ratio writes x as "12,3×".
func ratio(x float64) string {
	return number(x, 1) + "×"
}

// notMeasured is the table text for a figure that could not be taken, with the reason.
func notMeasured(err error) string {
	msg := strings.ReplaceAll(err.Error(), "|", "/")
	msg = strings.ReplaceAll(msg, "\n", " ")
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	return "không đo được: " + msg
}

// mdRow writes one Markdown table row.
func mdRow(cells ...string) string {
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(c, "|", "\\|")
	}
	return "| " + strings.Join(cells, " | ") + " |\n"
}

// mdHeader writes a Markdown table header with its rule.
func mdHeader(cells ...string) string {
	rule := make([]string, len(cells))
	for i := range rule {
		rule[i] = "---"
	}
	return "| " + strings.Join(cells, " | ") + " |\n|" + strings.Join(rule, "|") + "|\n"
}

func plural(n int, word string) string { return fmt.Sprintf("%s %s", number(float64(n), 0), word) }
