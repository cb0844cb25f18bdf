// Package analyze finds, in one article, what the comparison needs:
// sentences, language, named entities with their aliases, quotes with their
// speakers, quantities, dates and framing signals. It is rules, statistics
// and gazetteers, no model: pure and fast, so it can run on every article.
package analyze

import (
	"log/slog"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ner"
)

// doc is an article while it is analysed.
type doc struct {
	text       string
	lang       string // the article's language, "" when unknown
	sents      []parallax.Sentence
	toks       []token // the sentences' tokens, sentence si's at toks[tokAt[si]:tokAt[si+1]]
	tokAt      []int32
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

// MaxText and MaxSentences bound what the analysis reads of an article's
// text: up to the last line break within MaxText bytes, and then up to the
// end of its MaxSentences-th sentence. Of a longer text it logs a warning
// and reports the rest as unanalysed (Analysis.Unanalysed). A news
// article is a few tens of kilobytes and a few hundred sentences; the
// bounds keep the analysis of a page of tiny one-line paragraphs (10 MB of
// HTML, 557,718 of them, each a sentence and a name to keep) within
// 300 MB.
const (
	MaxText      = 2 << 20
	MaxSentences = 100_000
)

// analysedEnd is where the analysis of text stops: its end when within
// MaxText, else the last line break within MaxText, or the last whole
// rune when the lines are longer than half of it.
func analysedEnd(text string) int {
	if len(text) <= MaxText {
		return len(text)
	}
	if i := strings.LastIndexByte(text[:MaxText], '\n'); i >= MaxText/2 {
		return i
	}
	end := MaxText
	for end > 0 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// Analyze runs every per-article step on a.
func (an *Analyzer) Analyze(a *parallax.Article) *parallax.Analysis {
	text := a.Text[:analysedEnd(a.Text)]
	sents := splitSentences(text)
	if len(sents) > MaxSentences {
		// a copy, so the sentences beyond are not kept
		sents = slices.Clone(sents[:MaxSentences])
		text = text[:sents[len(sents)-1].Span.End]
	}
	if len(text) < len(a.Text) {
		slog.Warn("analyse: article longer than the analysis reads; the rest is not analysed",
			"article", a.ID, "source", a.Source, "bytes", len(a.Text), "analysed", len(text), "sentences", len(sents),
			"max_bytes", MaxText, "max_sentences", MaxSentences)
	}
	lang := a.Language
	if lang == "" {
		lang = DetectLanguage(text)
	}
	// numbers and dates first: they read the text alone, and their tokens
	// of a long article are then gone before the sentences' are made
	var qs []parallax.Quantity
	var ds []parallax.DateMention
	if an != nil && an.Quantities != nil {
		qs = an.Quantities(text, lang)
	}
	if an != nil && an.Dates != nil {
		ds = an.Dates(text, a, lang)
	}
	d := newDocSents(text, sents)
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
	res := &parallax.Analysis{Article: a, Language: lang, Sentences: d.sents, Quantities: qs, Dates: ds, Unanalysed: len(a.Text) - len(text)}
	res.Quotes = d.findQuotes()
	d.promoteSpeakers(res.Quotes)
	res.Entities = d.entities()
	res.Signals = append(d.signals(lang), d.attributions(res)...)
	sort.SliceStable(res.Signals, func(i, j int) bool { return res.Signals[i].Span.Start < res.Signals[j].Span.Start })
	d.markAttributed(res)
	return res
}

func newDoc(text string) *doc { return newDocSents(text, splitSentences(text)) }

// newDocSents makes the doc of text split into sents.
func newDocSents(text string, sents []parallax.Sentence) *doc {
	d := &doc{text: text, sents: sents}
	d.titleLines = make([]bool, len(d.sents))
	d.tokAt = make([]int32, 0, len(d.sents)+1)
	d.toks = make([]token, 0, len(text)/4)
	for _, s := range d.sents {
		d.tokAt = append(d.tokAt, int32(len(d.toks)))
		d.toks = tokenize(text, s.Span.Start, s.Span.End, d.toks)
	}
	d.tokAt = append(d.tokAt, int32(len(d.toks)))
	// a headline-style line: judge the whole line, which may be one sentence
	for i := 0; i < len(d.sents); {
		// the sentences of one line
		j := i + 1
		for j < len(d.sents) && !strings.Contains(text[d.sents[j-1].Span.End:d.sents[j].Span.Start], "\n") {
			j++
		}
		line := d.sentTokens(i)
		if j > i+1 {
			line = nil
			for k := i; k < j; k++ {
				line = append(line, d.sentTokens(k)...)
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

// sentTokens returns the tokens of sentence si.
func (d *doc) sentTokens(si int) []token {
	a, b := d.tokAt[si], d.tokAt[si+1]
	return d.toks[a:b:b]
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
