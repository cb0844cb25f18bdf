// Package analyze finds, in one article, what the comparison needs:
// sentences, language, named entities with their aliases, quotes with their
// speakers, quantities, dates and framing signals. It is rules, statistics
// and gazetteers, no model: pure and fast, so it can run on every article.
package analyze

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ner"
)

// doc is an article while it is analysed.
type doc struct {
	text       string
	lang       string // the article's language, "" when unknown
	sents      []parallax.Sentence
	sentToks   [][]token
	titleLines []bool
	mentions   []mention
	ents       []ent
	tags       []tagRef   // where the learned tagger's names of each sentence are in tagSpans, once tagged
	tagSpans   []tagSpan  // the tagger's names of the sentences tagged, sentence after sentence
	tagBuf     []ner.Span // what tagged returns of a sentence tagged before
	bySent     []int32    // mentions' indices by sentence (mentionsIn), for bySentN mentions
	bySentAt   []int32    // sentence si's are bySent[bySentAt[si]:bySentAt[si+1]]
	bySentN    int
	typed      map[uint64]typeVote // the typer's reading of the rules' names in the sentences tagged, by byte span (spanKey)
	quoteSpans []parallax.Span
	paraStarts []int // offsets where lines start, made on first use
	// the last quote's speaker, for "he added" in the sentences after it
	lastSpeaker     string
	lastSpeakerSent int
	lastQuoteEnd    int             // where the last attributed quotation closes, -1 when none
	genders         map[string]byte // persons' sex from the article's pronouns, made on first use
	lowerWords      map[string]bool // the words written in lower case, for Spanish typing
}

// Analyzer analyses articles. Its zero value is ready to use and it is safe
// for concurrent use.
type Analyzer struct {
	// Quantities and Dates find numbers and dates; nil skips them. They are
	// injected so this package stays independent of their rules.
	Quantities func(text, lang string) []parallax.Quantity
	Dates      func(text string, a *parallax.Article, lang string) []parallax.DateMention
}

// Analyze runs every per-article step on a.
func (an *Analyzer) Analyze(a *parallax.Article) *parallax.Analysis {
	lang := a.Language
	if lang == "" {
		lang = DetectLanguage(a.Text)
	}
	// numbers and dates first: they read the text alone, and their tokens
	// of a long article are then gone before the sentences' are made
	var qs []parallax.Quantity
	var ds []parallax.DateMention
	if an != nil && an.Quantities != nil {
		qs = an.Quantities(a.Text, lang)
	}
	if an != nil && an.Dates != nil {
		ds = an.Dates(a.Text, a, lang)
	}
	d := newDoc(a.Text)
	d.lang = lang
	d.findMentions()
	d.learnedMentions()
	d.markTeams()
	d.resolveEntities()
	d.learnedTypes()
	d.contextTypes()
	d.modifierTypes()
	d.spanishTypes()
	d.cityTypes()
	d.teamType()
	d.creditTypes()
	for i := range d.sents {
		d.sents[i].Heading = d.titleLines[i]
	}
	res := &parallax.Analysis{Article: a, Language: lang, Sentences: d.sents, Quantities: qs, Dates: ds}
	res.Quotes = d.findQuotes()
	d.promoteSpeakers(res.Quotes)
	res.Entities = d.entities()
	res.Signals = append(d.signals(lang), d.attributions(res)...)
	sort.SliceStable(res.Signals, func(i, j int) bool { return res.Signals[i].Span.Start < res.Signals[j].Span.Start })
	d.markAttributed(res)
	return res
}

func newDoc(text string) *doc {
	d := &doc{text: text}
	d.sents = splitSentences(text)
	d.sentToks = make([][]token, len(d.sents))
	d.titleLines = make([]bool, len(d.sents))
	buf := make([]token, 0, len(text)/4)
	for i, s := range d.sents {
		start := len(buf)
		buf = tokenize(text, s.Span.Start, s.Span.End, buf)
		d.sentToks[i] = buf[start:len(buf):len(buf)]
	}
	// a headline-style line: judge the whole line, which may be one sentence
	for i := 0; i < len(d.sents); {
		// the sentences of one line
		j := i + 1
		for j < len(d.sents) && !strings.Contains(text[d.sents[j-1].Span.End:d.sents[j].Span.Start], "\n") {
			j++
		}
		line := d.sentToks[i]
		if j > i+1 {
			line = nil
			for k := i; k < j; k++ {
				line = append(line, d.sentToks[k]...)
			}
		}
		title := isTitleCaseLine(text, line)
		for k := i; k < j; k++ {
			d.titleLines[k] = title
		}
		i = j
	}
	return d
}

// lineIsSentence reports whether span covers its whole line.
func lineIsSentence(text string, sp parallax.Span) bool {
	for i := sp.Start - 1; i >= 0; i-- {
		if text[i] == '\n' {
			break
		}
		if text[i] != ' ' && text[i] != '\t' && text[i] != '-' && text[i] != '*' {
			return false
		}
	}
	for i := sp.End; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' {
			break
		}
		if text[i] != ' ' && text[i] != '\t' {
			return false
		}
	}
	return true
}

// sentenceOf returns the index of the sentence holding offset off, or -1.
func (d *doc) sentenceOf(off int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Span.End > off })
	if i < len(d.sents) && d.sents[i].Span.Start <= off {
		return i
	}
	return -1
}
