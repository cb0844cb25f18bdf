package lang

import (
	"strings"
	"unicode"
)

// URLs are the byte ranges [start, end) of the web addresses written in
// text: a run of characters without spaces that holds "://" or opens with
// "www.", and, in tokenised text, a line's rest from "http : / /" on
// ("http : / / www . example . com / earthquake - today - 2013"). The words
// of an address ("today", "2013" in a slug) are no prose to read dates or
// figures from. nil when text has none, which most texts answer fast.
func URLs(text string) [][2]int {
	if !strings.Contains(text, "://") && !strings.Contains(text, ": / /") && !strings.Contains(text, "www.") && !strings.Contains(text, "WWW.") {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(text); {
		if text[i] == ' ' || text[i] == '\n' || text[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < len(text) && !unicode.IsSpace(rune(text[j])) {
			j++
		}
		run := strings.ToLower(text[i:j])
		switch {
		case strings.HasPrefix(run, "http") && strings.HasPrefix(text[j:], " : / /"):
			end := strings.IndexByte(text[j:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += j
			}
			out = append(out, [2]int{i, end})
			j = end
		case strings.Contains(run, "://") || strings.HasPrefix(run, "www."):
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// InURL: the range [start, end) overlaps one of urls (URLs).
func InURL(urls [][2]int, start, end int) bool {
	for _, u := range urls {
		if start < u[1] && u[0] < end {
			return true
		}
	}
	return false
}
