package nercorpus

import (
	"bufio"
	"io"
	"slices"
	"strings"
)

// GUM's CoNLL-U files mark every mention, named or not, in the MISC column
// ("Entity=(3-organization-...-Identity ... 3)"). A mention counts as a name
// when, after a leading determiner, it starts and ends with a proper noun and
// holds nothing but proper nouns, numbers and connecting words; the outermost
// such mention wins. Times and quantities are left out.
var gumTypes = map[string]string{"person": "PER", "organization": "ORG", "place": "LOC",
	"event": "MISC", "object": "MISC", "abstract": "MISC", "substance": "MISC", "animal": "MISC", "plant": "MISC"}

type gumSpan struct {
	s, e int // inclusive
	typ  string
}

// gumMentions parses one Entity= value, calling open(id, type) and close(id)
// in order; a one-token mention opens and closes.
func gumMentions(v string, open func(id, typ string), close func(id string)) {
	for p := 0; p < len(v); {
		if v[p] == '(' {
			end := p + 1
			for end < len(v) && v[end] != '(' && v[end] != ')' {
				end++
			}
			f := strings.SplitN(v[p+1:end], "-", 3)
			if len(f) >= 2 {
				open(f[0], f[1])
				if end < len(v) && v[end] == ')' {
					close(f[0])
					end++
				}
			}
			p = end
			continue
		}
		end := p
		for end < len(v) && v[end] != ')' && v[end] != '(' {
			end++
		}
		if end < len(v) && v[end] == ')' {
			close(v[p:end])
			end++
		}
		p = end
	}
}

func readGUM(r io.Reader) ([][2][]string, error) {
	var out [][2][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	type mention struct {
		start int
		typ   string
	}
	open := map[string][]mention{}
	var words, upos []string
	var spans []gumSpan
	flush := func() {
		if len(words) > 0 {
			out = append(out, [2][]string{words, gumTags(upos, spans)})
		}
		words, upos, spans = nil, nil, nil
		clear(open)
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 10 || strings.ContainsAny(f[0], "-.") {
			continue
		}
		i := len(words)
		words = append(words, f[1])
		upos = append(upos, f[3])
		for _, kv := range strings.Split(f[9], "|") {
			v, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			gumMentions(v, func(id, typ string) {
				open[id] = append(open[id], mention{i, typ})
			}, func(id string) {
				st := open[id]
				if len(st) == 0 {
					return
				}
				m := st[len(st)-1]
				open[id] = st[:len(st)-1]
				if t := gumTypes[m.typ]; t != "" {
					spans = append(spans, gumSpan{m.start, i, t})
				}
			})
		}
	}
	flush()
	return out, sc.Err()
}

// gumTags labels the mentions that are names, outermost first.
func gumTags(upos []string, spans []gumSpan) []string {
	tags := make([]string, len(upos))
	for i := range tags {
		tags[i] = "O"
	}
	slices.SortStableFunc(spans, func(a, b gumSpan) int {
		if d := (b.e - b.s) - (a.e - a.s); d != 0 {
			return d
		}
		return a.s - b.s
	})
	for _, sp := range spans {
		s, e := sp.s, sp.e
		for s <= e && upos[s] == "DET" {
			s++
		}
		if s > e || upos[s] != "PROPN" || upos[e] != "PROPN" {
			continue
		}
		ok := true
		for i := s; i <= e && ok; i++ {
			switch upos[i] {
			case "PROPN", "NUM", "ADP", "CCONJ", "DET", "PART", "PUNCT":
			default:
				ok = false
			}
			if tags[i] != "O" {
				ok = false
			}
		}
		if !ok {
			continue
		}
		tags[s] = "B-" + sp.typ
		for i := s + 1; i <= e; i++ {
			tags[i] = "I-" + sp.typ
		}
	}
	return tags
}
