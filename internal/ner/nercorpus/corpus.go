// Package nercorpus reads named-entity corpora in the column formats they
// are published in, maps their types onto PER, ORG, LOC and MISC, and scores
// a tagger against them (entity-level exact match).
package nercorpus

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one annotated sentence with BIO labels over PER/ORG/LOC/MISC.
type Sentence struct {
	Words []string
	Tags  []string
}

// Format says how a file lays out words and labels.
type Format int

const (
	// Columns: one token a line, the word in the first column and the label
	// in the last, blank lines between sentences (CoNLL; -DOCSTART- skipped,
	// "#" comment lines skipped when Comments is set).
	Columns Format = iota
	// Hashes: one sentence a line, tokens "word###label" separated by spaces.
	Hashes
	// GMBCSV: the CSV "Sentence #,Word,POS,Tag" of the GMB NER release.
	GMBCSV
	// GUM: CoNLL-U with GUM's Entity= mention brackets (see gum.go); the
	// labels come out already mapped, Types is not read.
	GUM
)

// Spec says how to read one corpus.
type Spec struct {
	Format   Format
	Comments bool              // skip lines starting with "#"
	WordCol  int               // for Columns: the word's column (0 by default)
	TagCol   int               // for Columns: the label's column; 0 means the last
	Types    map[string]string // source type → PER/ORG/LOC/MISC; unmapped types become O
}

// ReadFile reads path according to spec.
func ReadFile(path string, spec Spec) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Read(f, spec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Read reads one corpus from r.
func Read(r io.Reader, spec Spec) ([]Sentence, error) {
	var raw [][2][]string
	switch spec.Format {
	case Columns:
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var words, tags []string
		flush := func() {
			if len(words) > 0 {
				raw = append(raw, [2][]string{words, tags})
			}
			words, tags = nil, nil
		}
		line := 0
		for sc.Scan() {
			line++
			t := strings.TrimRight(sc.Text(), "\r")
			if strings.TrimSpace(t) == "" {
				flush()
				continue
			}
			if spec.Comments && strings.HasPrefix(t, "#") {
				continue
			}
			f := strings.Fields(t)
			if strings.Contains(t, "\t") {
				f = strings.Split(t, "\t")
			}
			if len(f) < 2 || spec.WordCol >= len(f) {
				return nil, fmt.Errorf("line %d: want a word and a label, got %q", line, t)
			}
			if f[0] == "-DOCSTART-" {
				flush()
				continue
			}
			tc := len(f) - 1
			if spec.TagCol > 0 && spec.TagCol < len(f) {
				tc = spec.TagCol
			}
			words = append(words, f[spec.WordCol])
			tags = append(tags, strings.TrimSpace(f[tc]))
		}
		flush()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	case Hashes:
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		line := 0
		for sc.Scan() {
			line++
			var words, tags []string
			for _, tok := range strings.Fields(sc.Text()) {
				i := strings.LastIndex(tok, "###")
				if i < 0 {
					return nil, fmt.Errorf("line %d: token %q has no ###label", line, tok)
				}
				words = append(words, tok[:i])
				tags = append(tags, tok[i+3:])
			}
			if len(words) > 0 {
				raw = append(raw, [2][]string{words, tags})
			}
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
	case GMBCSV:
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		var words, tags []string
		first := true
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
			if first {
				first = false
				continue
			}
			if len(rec) < 4 {
				return nil, fmt.Errorf("record %q: want 4 fields", rec)
			}
			if rec[0] != "" && len(words) > 0 {
				raw = append(raw, [2][]string{words, tags})
				words, tags = nil, nil
			}
			words = append(words, rec[1])
			tags = append(tags, rec[3])
		}
		if len(words) > 0 {
			raw = append(raw, [2][]string{words, tags})
		}
	case GUM:
		g, err := readGUM(r)
		if err != nil {
			return nil, err
		}
		out := make([]Sentence, len(g))
		for i, x := range g {
			out[i] = Sentence{Words: x[0], Tags: x[1]}
		}
		return out, nil
	default:
		return nil, fmt.Errorf("unknown format %d", spec.Format)
	}
	out := make([]Sentence, len(raw))
	for i, r := range raw {
		out[i] = Sentence{Words: r[0], Tags: toBIO(r[1], spec.Types)}
	}
	return out, nil
}

// toBIO maps IOB1, IOB2 or IO labels with source types onto BIO2 labels
// over our types.
func toBIO(tags []string, types map[string]string) []string {
	out := make([]string, len(tags))
	prev := ""
	for i, t := range tags {
		pre, typ := "I", t
		if len(t) > 2 && (t[1] == '-' || t[1] == '_') && strings.ContainsRune("BIESLU", rune(t[0])) {
			pre, typ = t[:1], t[2:]
		}
		mapped := ""
		if t != "O" && t != "" {
			mapped = types[typ]
			if types == nil {
				mapped = typ
			}
		}
		switch {
		case mapped == "":
			out[i] = "O"
		case pre == "B" || pre == "S" || pre == "U" || prev != mapped:
			out[i] = "B-" + mapped
		default:
			out[i] = "I-" + mapped
		}
		prev = mapped
		if pre == "E" || pre == "S" || pre == "L" || pre == "U" {
			prev = "" // the entity ends here
		}
	}
	return out
}

// Span is an entity: tokens [Start, End) of one sentence and its type.
type Span struct {
	Start, End int
	Type       string
}

// Spans reads the entities of BIO labels.
func Spans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		if len(tags[i]) < 2 || tags[i] == "O" {
			i++
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Span{i, j, typ})
		i = j
	}
	return out
}
