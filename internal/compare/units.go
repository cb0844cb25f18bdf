package compare

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// unit is one sentence of one article with what the comparison looks at.
type unit struct {
	art        *parallax.Analysis
	idx        int // sentence index in the article
	span       parallax.Span
	feats      map[string]float64 // raw counts by feature
	vec        []fw               // tf-idf, unit length, sorted by feature id
	ents       map[int]bool       // entity groups named
	qtys       []int              // indices into art.Quantities
	ords       []lang.Ordinal     // ordinals in figures, outside dates
	dates      []int              // indices into art.Dates; Date is "" for a weekday of an undated article
	hedges     []parallax.Signal
	quoted     bool // the sentence is mostly a quotation
	question   bool
	words      int
	centrality float64
	fact       int // index of the sentence fact it joined, -1 when none
	// source holds the features of who the sentence is attributed to
	// ("…, the fire service said"): shared by two sentences, they do not
	// make the two say the same thing.
	source map[string]bool
}

// stem and contentWords read words through the language layer.
func stem(w, language string) string { return lang.Stem(w, language) }

func contentWords(text string) []string { return lang.ContentWords(text) }

func (s *story) buildUnits() {
	for _, a := range s.arts {
		if s.in.DuplicateOf[a.Article.ID] != "" {
			continue // a copy says what its original says: it is listed, not compared again
		}
		text := a.Article.Text
		// entity mentions → groups
		type ment struct {
			sp    parallax.Span
			group int
		}
		var ments []ment
		for i := range a.Entities {
			g := s.ents.groupOf(a.Entities[i].Name)
			owner := s.ents.ownerOf(a.Entities[i].Name)
			for _, sp := range a.Entities[i].Mentions {
				ments = append(ments, ment{sp, g})
				if owner >= 0 && owner != g {
					ments = append(ments, ment{sp, owner})
				}
			}
		}
		sort.Slice(ments, func(i, j int) bool { return ments[i].sp.Start < ments[j].sp.Start })
		for si, sent := range a.Sentences {
			u := &unit{art: a, idx: si, span: sent.Span, feats: map[string]float64{}, ents: map[int]bool{}, fact: -1}
			// words inside a name count once, as the name
			var inName []parallax.Span
			for _, m := range ments {
				if m.sp.Start >= sent.Span.Start && m.sp.End <= sent.Span.End {
					inName = append(inName, m.sp)
				}
			}
			// ordinals in figures ("the 267th pope") count as their number,
			// in any language; a date's ("May 8th") belongs to the date
			var ords []lang.Ordinal
			for _, o := range lang.Ordinals(sent.Span.Of(text), a.Language) {
				o.Start += sent.Span.Start
				o.End += sent.Span.Start
				if o.Value >= 2 && !inDate(a, o.Start) {
					ords = append(ords, o)
					inName = append(inName, parallax.Span{Start: o.Start, End: o.End})
				}
			}
			u.ords = ords
			st := blank(text, sent.Span, inName)
			cw := contentWords(st)
			u.words = len(strings.Fields(sent.Span.Of(text)))
			for _, w := range cw {
				st := stem(w, a.Language)
				u.feats["w:"+st]++
				if c := lang.Concept(w); c != "" {
					u.feats["c:"+c]++
				}
			}
			for _, m := range ments {
				if m.sp.Start >= sent.Span.Start && m.sp.End <= sent.Span.End && m.group >= 0 {
					u.ents[m.group] = true
					u.feats["e:"+strconv.Itoa(m.group)] += 1
				}
			}
			for _, o := range ords {
				u.feats["o:"+strconv.Itoa(o.Value)]++
			}
			for qi, q := range a.Quantities {
				if q.Span.Start >= sent.Span.Start && q.Span.End <= sent.Span.End {
					u.qtys = append(u.qtys, qi)
					if lo, hi, ok := q.Bounds(); ok && lo == hi && informative(&a.Quantities[qi]) {
						u.feats["n:"+strconv.FormatFloat(lo, 'f', -1, 64)]++
					} else if ok && q.Value != nil && informative(&a.Quantities[qi]) {
						// a bound names its number too: "more than 400 seats",
						// "surpassing 400 seats"
						u.feats["n:"+strconv.FormatFloat(*q.Value, 'f', -1, 64)]++
					} else if ok && q.Value == nil && lo == 0 && q.High != nil && informative(&a.Quantities[qi]) {
						// and so does an upper bound: "within two hours", "up to 400 seats"
						u.feats["n:"+strconv.FormatFloat(hi, 'f', -1, 64)]++
					}
				}
			}
			for di, d := range a.Dates {
				if d.Span.Start >= sent.Span.Start && d.Span.End <= sent.Span.End {
					u.dates = append(u.dates, di) // with a weekday an undated article cannot resolve
					if d.Date != "" {
						u.feats["d:"+d.Date]++
					}
				}
			}
			for _, sg := range a.Signals {
				if sg.Span.Start < sent.Span.Start || sg.Span.End > sent.Span.End {
					continue
				}
				switch sg.Kind {
				case "hedge":
					u.hedges = append(u.hedges, sg)
				case "attribution":
					for _, m := range ments {
						if m.sp.Start >= sg.Span.Start && m.sp.End <= sg.Span.End && m.group >= 0 {
							if u.source == nil {
								u.source = map[string]bool{}
							}
							u.source["e:"+strconv.Itoa(m.group)] = true
						}
					}
				}
			}
			inQuote := 0
			for _, q := range a.Quotes {
				lo, hi := maxInt(q.Span.Start, sent.Span.Start), minInt(q.Span.End, sent.Span.End)
				if hi > lo {
					inQuote += hi - lo
				}
			}
			u.quoted = inQuote*2 > sent.Span.Len()
			u.question = strings.HasSuffix(strings.TrimRight(sent.Span.Of(text), "”\"' "), "?")
			for f := range u.feats {
				s.df[f]++ // sentences using it: rare in the story means telling
			}
			s.units = append(s.units, u)
		}
	}
	n := float64(len(s.units))
	ids := map[string]int32{}
	for _, u := range s.units {
		u.vec = make([]fw, 0, len(u.feats))
		norm := 0.0
		// in the order of the names: ids and sums, and so ties between
		// like sentences, come out the same on every run
		names := make([]string, 0, len(u.feats))
		for f := range u.feats {
			names = append(names, f)
		}
		sort.Strings(names)
		for _, f := range names {
			c := u.feats[f]
			df := float64(s.df[f])
			w := (1 + math.Log(c)) * math.Log(1+(n-df+0.5)/(df+0.5)) * familyWeight(f)
			id, ok := ids[f]
			if !ok {
				id = int32(len(ids))
				ids[f] = id
				s.featName = append(s.featName, f)
			}
			u.vec = append(u.vec, fw{id: id, w: w, fam: f[0], df: int32(s.df[f])})
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for i := range u.vec {
			u.vec[i].w /= norm
		}
		sort.Slice(u.vec, func(i, j int) bool { return u.vec[i].id < u.vec[j].id })
	}
	// centrality: how much a sentence shares with the other articles
	for _, u := range s.units {
		best := map[string]float64{}
		for _, v := range s.units {
			if v.art == u.art {
				continue
			}
			if c := cosine(u.vec, v.vec); c > best[v.art.Article.ID] {
				best[v.art.Article.ID] = c
			}
		}
		for _, c := range best {
			u.centrality += c
		}
	}
}

func familyWeight(f string) float64 {
	switch f[0] {
	case 'e':
		return 2
	case 'n':
		return 2
	case 'd':
		return 1.5
	case 'c':
		return 0.8
	}
	return 1
}

// fw is one weighted feature of a sentence.
type fw struct {
	id  int32
	df  int32 // sentences of the story that use it
	w   float64
	fam byte // 'w' word, 'e' entity, 'n' number, 'o' ordinal, 'd' date, 'c' concept
}

// eachShared calls fn for every feature two sorted vectors share.
func eachShared(a, b []fw, fn func(x, y fw)) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			fn(a[i], b[j])
			i++
			j++
		}
	}
}

// cosine of two unit-length vectors.
func cosine(a, b []fw) float64 {
	dot := 0.0
	eachShared(a, b, func(x, y fw) { dot += x.w * y.w })
	return dot
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// clause returns the part of the unit's sentence around sp that makes a
// short piece of evidence: the whole sentence when it is short, else the
// clause bounded by commas, semicolons and dashes, at least a few words.
func clause(text string, sent, sp parallax.Span, maxWords int) parallax.Span {
	if len(strings.Fields(sent.Of(text))) <= maxWords {
		return sent
	}
	start, end := sp.Start, sp.End
	isBreak := func(c byte) bool { return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' }
	for start > sent.Start && !(isBreak(text[start-1]) && len(strings.Fields(text[start:sp.End])) >= 4) {
		start--
	}
	for end < sent.End && !(isBreak(text[end]) && len(strings.Fields(text[start:end])) >= 8) {
		end++
	}
	for start < end && (text[start] == ' ' || isBreak(text[start])) {
		start++
	}
	r := parallax.Span{Start: start, End: end}
	if len(strings.Fields(r.Of(text))) > maxWords {
		// still long: a window of words around sp
		return window(text, sent, sp, maxWords)
	}
	return r
}

func window(text string, sent, sp parallax.Span, maxWords int) parallax.Span {
	start, end := sp.Start, sp.End
	words := len(strings.Fields(sp.Of(text)))
	for words < maxWords && (start > sent.Start || end < sent.End) {
		if start > sent.Start {
			start--
			for start > sent.Start && text[start-1] != ' ' {
				start--
			}
			words++
		}
		if end < sent.End && words < maxWords {
			end++
			for end < sent.End && text[end] != ' ' {
				end++
			}
			words++
		}
	}
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	return parallax.Span{Start: start, End: end}
}

func sqrt(x float64) float64 { return math.Sqrt(x) }

// blank returns the sentence at sp with the given spans replaced by spaces.
// inDate: offset at falls inside one of a's dates.
func inDate(a *parallax.Analysis, at int) bool {
	for _, d := range a.Dates {
		if d.Span.Start <= at && at < d.Span.End {
			return true
		}
	}
	return false
}

func blank(text string, sp parallax.Span, holes []parallax.Span) string {
	if len(holes) == 0 {
		return sp.Of(text)
	}
	b := []byte(sp.Of(text))
	for _, h := range holes {
		for i := h.Start; i < h.End; i++ {
			b[i-sp.Start] = ' '
		}
	}
	return string(b)
}

// support counts the features two sentences share; a shared rare name,
// number or date counts double. One shared word is a coincidence.
func (s *story) support(a, b *unit) int {
	n := 0
	common := int32(len(s.units) / 4)
	eachShared(a.vec, b.vec, func(f, _ fw) {
		if f.df > common && common >= 4 || a.source[s.featName[f.id]] && b.source[s.featName[f.id]] {
			return
		}
		n++
		if f.fam != 'w' && f.fam != 'c' && f.df <= 4 {
			n++
		}
	})
	return n
}
