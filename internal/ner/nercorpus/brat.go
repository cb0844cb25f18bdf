package nercorpus

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LitBank's brat files annotate every mention of a person, place or group,
// named or not ("the wrathful skipper"). readBrat keeps the names: after a
// leading determiner or possessive, every word is capitalised or a
// connecting word, the first and last are capitalised, and a lone
// sentence-initial word that is an ordinary word (common) is not a name.
var bratTypes = map[string]string{"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "VEH": "MISC"}

var leading = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "my": true, "our": true, "your": true, "this": true, "that": true, "these": true, "those": true}

var joiners = map[string]bool{"of": true, "'s": true, "de": true, "and": true, "&": true, "the": true, "von": true,
	"van": true, "la": true, "le": true, "du": true, "del": true, "-": true, "'": true}

// ReadBrat reads a pre-tokenised brat document: txtPath holds one sentence a
// line with tokens separated by spaces, the .ann beside it the mentions.
func ReadBrat(txtPath string, common func(string) bool) ([]Sentence, error) {
	txt, err := os.ReadFile(txtPath)
	if err != nil {
		return nil, err
	}
	annPath := strings.TrimSuffix(txtPath, ".txt") + ".ann"
	af, err := os.Open(annPath)
	if err != nil {
		return nil, err
	}
	defer af.Close()
	type ment struct {
		s, e int // byte offsets
		typ  string
	}
	var ments []ment
	sc := bufio.NewScanner(af)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || !strings.HasPrefix(f[0], "T") {
			continue
		}
		g := strings.Fields(f[1])
		if len(g) != 3 {
			continue // discontinuous: skip
		}
		s, err1 := strconv.Atoi(g[1])
		e, err2 := strconv.Atoi(g[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: bad offsets in %q", annPath, sc.Text())
		}
		if t := bratTypes[g[0]]; t != "" {
			ments = append(ments, ment{s, e, t})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(ments, func(a, b ment) int {
		if d := (b.e - b.s) - (a.e - a.s); d != 0 {
			return d
		}
		return a.s - b.s
	})
	var out []Sentence
	off := 0
	for _, line := range strings.SplitAfter(string(txt), "\n") {
		lineStart := off
		off += len(line)
		var words []string
		var starts, ends []int
		pos := lineStart
		for _, w := range strings.Split(strings.TrimRight(line, "\n"), " ") {
			if w != "" {
				words = append(words, w)
				starts = append(starts, pos)
				ends = append(ends, pos+len(w))
			}
			pos += len(w) + 1
		}
		if len(words) == 0 {
			continue
		}
		tags := make([]string, len(words))
		for i := range tags {
			tags[i] = "O"
		}
		for _, m := range ments {
			if m.e <= lineStart || m.s >= off {
				continue
			}
			a := slices.Index(starts, m.s)
			b := slices.Index(ends, m.e)
			if a < 0 || b < 0 || b < a {
				continue
			}
			for a <= b && leading[strings.ToLower(words[a])] {
				a++
			}
			if a > b || !isCap(words[a]) || !isCap(words[b]) {
				continue
			}
			ok := true
			for i := a; i <= b; i++ {
				if !isCap(words[i]) && !joiners[strings.ToLower(words[i])] || tags[i] != "O" {
					ok = false
				}
			}
			if !ok || (a == b && a == 0 && common(words[a])) {
				continue
			}
			tags[a] = "B-" + m.typ
			for i := a + 1; i <= b; i++ {
				tags[i] = "I-" + m.typ
			}
		}
		out = append(out, Sentence{Words: words, Tags: tags})
	}
	return out, nil
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
