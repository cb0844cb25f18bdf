package evalcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/read"
)

// QuoteDoc is one article with its gold attributions.
type QuoteDoc struct {
	Name    string // compartment/stem, e.g. "dev/nyt_2016-10-02_a-curious-plan"
	AnnFile string // the annotation file used
	Article *parallax.Article
	Attrs   []Attribution
	Gold    []GoldQuote
}

// Attribution is one gold attribution relation, spans in bytes of
// Article.Text.
type Attribution struct {
	ID      string
	Content []parallax.Span
	Source  string // the Source span's words, "" when it has none
	Span    parallax.Span
	Cue     string // the Cue span's words, "" when it has none (for error reports)
	// Nominal is true when the source is a pronoun or a common noun phrase;
	// Chain then holds the mentions of its coreference chain and Rep the
	// chain's representative mention.
	Nominal bool
	Chain   []string
	Rep     string
	// Unresolved is true for a source without a name word (a pronoun:
	// "he", "I") whose coreference chain holds no name either.
	Unresolved bool
	Direct     bool
}

// GoldQuote is one quoted passage of a direct attribution.
type GoldQuote struct {
	Span parallax.Span // the words inside the marks
	Text string
	Attr int // index into QuoteDoc.Attrs
}

// LoadPolNeAR reads the given compartments (e.g. "train", "dev") of a
// PolNeAR checkout: data/<comp>/text/*.txt, the first
// data/<comp>/attributions/<stem>_*.ann by name, and
// data/<comp>/corenlp/<stem>.txt.xml when present. every selects every n-th
// document of each compartment in name order (1 or less: all).
func LoadPolNeAR(dir string, comps []string, every int) ([]QuoteDoc, error) {
	if every < 1 {
		every = 1
	}
	var out []QuoteDoc
	for _, comp := range comps {
		cdir := filepath.Join(dir, "data", comp)
		texts, err := filepath.Glob(filepath.Join(cdir, "text", "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(texts) == 0 {
			return nil, fmt.Errorf("polnear %s: no texts in %s (expected a PolNeAR checkout with data/%s/text/*.txt)", comp, cdir, comp)
		}
		sort.Strings(texts)
		for i, tf := range texts {
			if i%every != 0 {
				continue
			}
			stem := strings.TrimSuffix(filepath.Base(tf), ".txt")
			anns, _ := filepath.Glob(filepath.Join(cdir, "attributions", stem+"_*.ann"))
			if len(anns) == 0 {
				continue // not annotated: nothing to score
			}
			sort.Strings(anns)
			var xml string
			if p := filepath.Join(cdir, "corenlp", stem+".txt.xml"); fileExists(p) {
				xml = p
			}
			d, err := loadPolNeARDoc(comp+"/"+stem, tf, anns[0], xml)
			if err != nil {
				return nil, err
			}
			out = append(out, *d)
		}
	}
	return out, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// loadPolNeARDoc reads one article: text file, brat file, CoreNLP XML ("" for none).
func loadPolNeARDoc(name, textFile, annFile, xmlFile string) (*QuoteDoc, error) {
	data, err := os.ReadFile(textFile)
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	a, err := read.Text(textFile, data)
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	a.ID = name
	// publisher_YYYY-MM-DD_slug
	if parts := strings.SplitN(filepath.Base(textFile), "_", 3); len(parts) == 3 {
		a.Outlet = parts[0]
		if t, err := time.Parse("2006-01-02", parts[1]); err == nil && a.Published.IsZero() {
			a.Published = t
		}
	}
	f, err := os.Open(annFile)
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	spans, events, err := parseBrat(f, annFile)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	var nlp *coreNLP
	if xmlFile != "" {
		x, err := os.Open(xmlFile)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		nlp, err = parseCoreNLP(x, xmlFile)
		x.Close()
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
	}
	d, err := buildQuoteDoc(name, a, string(data), spans, events, nlp)
	if err != nil {
		return nil, fmt.Errorf("polnear %s: %w", annFile, err)
	}
	d.AnnFile = annFile
	return d, nil
}

// offsets converts code-point offsets into the raw file to byte offsets
// into the article text (which lost a byte-order mark, if any).
type offsets struct {
	bytes []int // byte offset of each code point of the raw file, plus the end
	shift int   // bytes dropped at the start
	max   int
}

func newOffsets(raw, text string) offsets {
	o := offsets{bytes: make([]int, 0, len(raw)+1), shift: len(raw) - len(text), max: len(text)}
	if !strings.HasSuffix(raw, text) {
		o.shift = 0 // invalid UTF-8 was replaced: offsets are approximate
	}
	for i := range raw {
		o.bytes = append(o.bytes, i)
	}
	o.bytes = append(o.bytes, len(raw))
	return o
}

func (o offsets) at(cp int) (int, bool) {
	if cp < 0 || cp >= len(o.bytes) {
		return 0, false
	}
	b := o.bytes[cp] - o.shift
	if b < 0 {
		b = 0
	}
	if b > o.max {
		b = o.max
	}
	return b, true
}

func (o offsets) span(fr [2]int) (parallax.Span, bool) {
	s, ok1 := o.at(fr[0])
	e, ok2 := o.at(fr[1])
	return parallax.Span{Start: s, End: e}, ok1 && ok2 && e >= s
}

// buildQuoteDoc turns brat annotations (and CoreNLP coreference, nil when
// absent) into attributions and gold quotes over a.Text; raw is the file as
// read, whose code points the offsets count.
func buildQuoteDoc(name string, a *parallax.Article, raw string, spans map[string]*bratSpan, events []bratEvent, nlp *coreNLP) (*QuoteDoc, error) {
	text := a.Text
	off := newOffsets(raw, text)
	conv := func(id string) ([]parallax.Span, error) {
		s := spans[id]
		if s == nil {
			return nil, fmt.Errorf("relation refers to missing span %s", id)
		}
		var out []parallax.Span
		for _, fr := range s.Frags {
			sp, ok := off.span(fr)
			if !ok {
				return nil, fmt.Errorf("span %s %v lies outside the text (%d code points)", id, fr, len(off.bytes)-1)
			}
			out = append(out, sp)
		}
		return out, nil
	}
	d := &QuoteDoc{Name: name, Article: a}
	var toks [][]tokSpan
	if nlp != nil {
		toks = nlpByteTokens(nlp, off)
	}
	sort.SliceStable(events, func(i, j int) bool { return idNum(events[i].ID) < idNum(events[j].ID) })
	for _, e := range events {
		if !strings.HasPrefix(e.Type, "Attribution") {
			continue
		}
		at := Attribution{ID: e.ID}
		for _, role := range []string{"Content", "Content2"} {
			if id, ok := e.Args[role]; ok {
				sps, err := conv(id)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", e.ID, err)
				}
				at.Content = append(at.Content, sps...)
			}
		}
		if len(at.Content) == 0 {
			continue
		}
		var cueSpans []parallax.Span
		if id, ok := e.Args["Cue"]; ok {
			sps, err := conv(id)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e.ID, err)
			}
			cueSpans = sps
			at.Cue = joinSpans(text, sps)
		}
		if id, ok := e.Args["Source"]; ok {
			sps, err := conv(id)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e.ID, err)
			}
			// a Source that is only a verb of saying ("said", "said in a
			// statement", "According to") with a Cue that names someone
			// ("said Bolton": Source "said", Cue "Bolton") has its two
			// labels swapped: PolNeAR's Source is who speaks, its Cue the
			// words that say so
			if len(cueSpans) > 0 && swappedLabels(joinSpans(text, sps), at.Cue) {
				sps, at.Cue = cueSpans, joinSpans(text, sps)
			}
			at.Source = joinSpans(text, sps)
			at.Span = parallax.Span{Start: sps[0].Start, End: sps[len(sps)-1].End}
			var person bool
			at.Nominal, at.Chain, at.Rep, person = corefOf(text, at.Span, toks, nlp)
			if len(nameTokens(at.Source)) == 0 {
				at.Unresolved = true
				for _, m := range at.Chain {
					if hasNameToken(m) {
						at.Unresolved = false
					}
				}
				// "he" and "she" stand for a person: a chain in which
				// CoreNLP's own NER tags nobody as a person ("he" →
				// "Romare Bearden Park") is a coreference error, and
				// names nobody to judge the speaker by
				if w := strings.ToLower(at.Source); nlp != nil && (w == "he" || w == "she") && !person {
					at.Unresolved = true
				}
			}
		}
		d.Attrs = append(d.Attrs, at)
	}
	inQuote, passages := quotedBytes(text)
	for i := range d.Attrs {
		in, all := 0, 0
		for _, sp := range d.Attrs[i].Content {
			for j, r := range sp.Of(text) {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					all++
					if inQuote[sp.Start+j] {
						in++
					}
				}
			}
		}
		d.Attrs[i].Direct = all > 0 && 2*in > all
	}
	// each passage goes to the direct attribution holding most of it
	for _, p := range passages {
		total := countAlnum(p.Of(text))
		best, bestN := -1, 0
		for i, at := range d.Attrs {
			if !at.Direct {
				continue
			}
			n := 0
			for _, sp := range at.Content {
				if o := overlap(p, sp); o.Len() > 0 {
					n += countAlnum(o.Of(text))
				}
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		if best >= 0 && 2*bestN >= total {
			d.Gold = append(d.Gold, GoldQuote{Span: p, Text: p.Of(text), Attr: best})
		}
	}
	return d, nil
}

func joinSpans(text string, sps []parallax.Span) string {
	var words []string
	for _, sp := range sps {
		words = append(words, strings.TrimSpace(sp.Of(text)))
	}
	return strings.Join(words, " ")
}

var speechVerbs = lang.Words("speech_verbs", "en")

// swappedLabels reports whether a Source and a Cue read the other way
// round: the Source only a verb of saying, the Cue a name.
func swappedLabels(source, cue string) bool {
	return cueLike(source) && !cueLike(cue) && hasNameToken(cue)
}

// cueLike reports whether s opens with a verb of saying or "according
// to" and holds no name: the words of a cue, not of a source.
func cueLike(s string) bool {
	ws := words(s)
	if len(ws) == 0 || hasNameToken(strings.Join(ws[1:], " ")) {
		return false
	}
	w := strings.ToLower(ws[0])
	return speechVerbs.Has(w) || w == "according" && len(ws) > 1 && strings.EqualFold(ws[1], "to")
}

func idNum(id string) int {
	n := 0
	for _, c := range id[1:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func countAlnum(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func overlap(a, b parallax.Span) parallax.Span {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e < s {
		e = s
	}
	return parallax.Span{Start: s, End: e}
}

// quotedBytes finds the quoted passages of text (see the package doc for
// the marks) and marks the bytes inside them. A passage still open at the
// end of its paragraph ends there (the next paragraph of a long quote opens
// again).
func quotedBytes(text string) ([]bool, []parallax.Span) {
	in := make([]bool, len(text))
	var out []parallax.Span
	open := -1 // byte after the opening mark
	var kind rune
	depth := 0
	prev := ' '
	emit := func(end int) {
		sp := parallax.Span{Start: open, End: end}
		for sp.Start < sp.End && (text[sp.Start] == ' ' || text[sp.Start] == '\t') {
			sp.Start++
		}
		for sp.End > sp.Start && unicode.IsSpace(rune(text[sp.End-1])) {
			sp.End--
		}
		if sp.Len() > 0 {
			out = append(out, sp)
			for k := sp.Start; k < sp.End; k++ {
				in[k] = true
			}
		}
		open = -1
	}
	for i, r := range text {
		n := utf8.RuneLen(r)
		if r == '\n' {
			if open >= 0 {
				emit(i)
			}
			prev = r
			continue
		}
		if open < 0 {
			switch {
			case r == '“' || r == '«' || r == '„' || r == '"':
				open, kind, depth = i+n, r, 1
			case r == '‘' && !isAlnum(prev) && isAlnum(nextRune(text, i+n)):
				open, kind, depth = i+n, r, 1
			}
			prev = r
			continue
		}
		switch kind {
		case '“':
			if r == '“' {
				depth++
			} else if r == '”' {
				depth--
			}
		case '«':
			if r == '«' {
				depth++
			} else if r == '»' {
				depth--
			}
		case '„':
			if r == '“' || r == '”' {
				depth--
			}
		case '"':
			if r == '"' {
				depth--
			}
		case '‘':
			if r == '’' && !isAlnum(nextRune(text, i+n)) {
				depth--
			}
		}
		if depth == 0 {
			emit(i)
		}
		prev = r
	}
	if open >= 0 {
		emit(len(text))
	}
	return in, out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func nextRune(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// tokSpan is a CoreNLP token in bytes of the article text.
type tokSpan struct {
	parallax.Span
	POS, NER string
}

func nlpByteTokens(nlp *coreNLP, off offsets) [][]tokSpan {
	out := make([][]tokSpan, len(nlp.Sents))
	for i, s := range nlp.Sents {
		out[i] = make([]tokSpan, len(s))
		for j, t := range s {
			sp, _ := off.span([2]int{t.Begin, t.End})
			out[i][j] = tokSpan{sp, t.POS, t.NER}
		}
	}
	return out
}

// corefOf tells whether the source at sp is a pronoun or nominal and, if
// so, the mentions of the coreference chain it belongs to, and whether
// CoreNLP's NER tags a token of one of them as a person.
func corefOf(text string, sp parallax.Span, toks [][]tokSpan, nlp *coreNLP) (nominal bool, chain []string, rep string, person bool) {
	if nlp == nil {
		return !hasNameToken(sp.Of(text)), nil, "", false
	}
	// the source's head: its last token that is not punctuation or a possessive
	head := -1
	var headPOS string
	for si, s := range toks {
		for ti, t := range s {
			if t.Start >= sp.Start && t.End <= sp.End && t.Len() > 0 && isAlnumPOS(t.POS) {
				head, headPOS = si*100000+ti, t.POS
			}
		}
	}
	if head < 0 {
		return !hasNameToken(sp.Of(text)), nil, "", false
	}
	if headPOS == "NNP" || headPOS == "NNPS" {
		return false, nil, "", false
	}
	best, bestScore := -1, 0
	for ci, c := range nlp.Chains {
		for _, m := range c {
			st := toks[m.Sentence-1]
			mspan := parallax.Span{Start: st[m.Start-1].Start, End: st[m.End-2].End}
			score := 0
			if m.Head >= 1 && m.Head <= len(st) {
				if h := st[m.Head-1]; h.Start >= sp.Start && h.End <= sp.End {
					score = 1 << 20
				}
			}
			score += overlap(mspan, sp).Len()
			if overlap(mspan, sp).Len() == 0 {
				score = 0
			}
			if score > bestScore {
				best, bestScore = ci, score
			}
		}
	}
	if best < 0 {
		return true, nil, "", false
	}
	for _, m := range nlp.Chains[best] {
		chain = append(chain, m.Text)
		if m.Representative {
			rep = m.Text
		}
		for _, t := range toks[m.Sentence-1][m.Start-1 : m.End-1] {
			person = person || t.NER == "PERSON"
		}
	}
	// CoreNLP's representative is the longest mention, often not a name:
	// show the first mention that holds one, if any
	if !hasNameToken(rep) {
		for _, m := range chain {
			if hasNameToken(m) {
				rep = m
				break
			}
		}
	}
	return true, chain, rep, person
}

func isAlnumPOS(pos string) bool {
	switch pos {
	case "POS", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "#", "$", "HYPH":
		return false
	}
	return pos != ""
}

// hasNameToken reports whether s holds a capitalised word that is not a
// function word, pronoun or title: the fallback test for a name when no
// part-of-speech tags are available.
func hasNameToken(s string) bool {
	for _, w := range words(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !stopName[strings.ToLower(w)] {
			return true
		}
	}
	return false
}
