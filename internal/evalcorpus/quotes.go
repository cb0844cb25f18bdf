package evalcorpus

import (
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// QuoteScores counts quote and speaker agreement over documents. The
// metrics are defined in the package doc.
type QuoteScores struct {
	Docs         int `json:"docs"`
	Attributions int `json:"attributions"`
	Direct       int `json:"direct_attributions"`

	Gold           int `json:"gold_quotes"`
	GoldWithSource int `json:"gold_quotes_with_source"`
	// GoldUnresolved counts the gold quotes whose source is a pronoun
	// that CoreNLP does not resolve to a name: their speaker cannot be
	// judged, so like source-less quotes they count for quote recall only.
	GoldUnresolved int `json:"gold_unresolved_pronoun"`
	Found          int `json:"found"`             // gold quotes matched by a system quote
	FoundSourced   int `json:"found_with_source"` // … of those with a source
	FoundSpoken    int `json:"found_with_system_speaker"`
	Attributed     int `json:"attributed"` // found, source known, speaker right

	System        int `json:"system_quotes"` // non-scare
	SystemSpeaker int `json:"system_with_speaker"`
	// Judged counts the system quotes with a speaker that can be judged:
	// all but those lying only in attributions without a judgeable source.
	// Each is judged against the attribution whose Content holds it, direct
	// or not (see the package doc); Right counts those whose speaker is right.
	Judged int `json:"judged"`
	Right  int `json:"right"`
	// JudgedDirect and RightDirect are the stricter count that judges a
	// system quote only against gold direct quotes: a partial quote inside
	// reported speech is wrong whatever its speaker.
	JudgedDirect int `json:"judged_direct"`
	RightDirect  int `json:"right_direct"`
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *QuoteScores) QuoteRecall() float64      { return ratio(s.Found, s.Gold) }
func (s *QuoteScores) AttributedRecall() float64 { return ratio(s.Attributed, s.GoldWithSource) }
func (s *QuoteScores) SpeakerAccuracy() float64  { return ratio(s.Attributed, s.FoundSpoken) }
func (s *QuoteScores) Precision() float64        { return ratio(s.Right, s.Judged) }
func (s *QuoteScores) PrecisionDirect() float64  { return ratio(s.RightDirect, s.JudgedDirect) }

// Add adds o's counts to s.
func (s *QuoteScores) Add(o QuoteScores) {
	s.Docs += o.Docs
	s.Attributions += o.Attributions
	s.Direct += o.Direct
	s.Gold += o.Gold
	s.GoldWithSource += o.GoldWithSource
	s.GoldUnresolved += o.GoldUnresolved
	s.Found += o.Found
	s.FoundSourced += o.FoundSourced
	s.FoundSpoken += o.FoundSpoken
	s.Attributed += o.Attributed
	s.System += o.System
	s.SystemSpeaker += o.SystemSpeaker
	s.Judged += o.Judged
	s.Right += o.Right
	s.JudgedDirect += o.JudgedDirect
	s.RightDirect += o.RightDirect
}

// ErrorRecord is one disagreement between gold and system, with the words
// around it, for error analysis.
type ErrorRecord struct {
	Task        string `json:"task"` // "quotes" or "entities"
	Corpus      string `json:"corpus"`
	Doc         string `json:"doc"`
	Kind        string `json:"kind"`
	Gold        string `json:"gold,omitempty"`
	GoldLabel   string `json:"gold_label,omitempty"` // speaker or type
	GoldCue     string `json:"gold_cue,omitempty"`   // the gold attribution's cue words
	System      string `json:"system,omitempty"`
	SystemLabel string `json:"system_label,omitempty"`
	Cue         string `json:"cue,omitempty"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Sentence    string `json:"sentence"`
}

// Quote error kinds.
const (
	QuoteMissed      = "quote_missed"       // no system quote overlaps the gold quote
	SpeakerMissing   = "speaker_missing"    // found, the system names no speaker
	SpeakerWrong     = "speaker_wrong"      // found, the speaker is not the source
	QuoteSpurious    = "quote_spurious"     // a system quote with a speaker overlaps no gold attribution
	IndirectRight    = "indirect_right"     // … overlaps an indirect attribution, speaker right (wrong only for precision_direct)
	IndirectWrong    = "indirect_wrong"     // … overlaps an indirect attribution, speaker wrong
	IndirectNoSource = "indirect_no_source" // … overlaps an indirect attribution without a source
)

// ScoreQuotes compares one document's analysis with its gold quotes, adds
// the counts to s and passes every disagreement to report (which may be nil).
func ScoreQuotes(d *QuoteDoc, an *parallax.Analysis, s *QuoteScores, report func(ErrorRecord)) {
	text := d.Article.Text
	var sys []parallax.Quote
	for _, q := range an.Quotes {
		if !q.Scare && q.Span.Len() > 0 {
			sys = append(sys, q)
		}
	}
	emit := func(kind string, sp parallax.Span, gold string, at *Attribution, q *parallax.Quote) {
		if report == nil {
			return
		}
		r := ErrorRecord{Task: "quotes", Corpus: "polnear", Doc: d.Name, Kind: kind, Gold: gold,
			Start: sp.Start, End: sp.End, Sentence: around(text, sp)}
		if at != nil {
			r.GoldLabel, r.GoldCue = at.GoldSpeaker(), at.Cue
		}
		if q != nil {
			r.System, r.SystemLabel, r.Cue = q.Text, q.Speaker, q.Cue
		}
		report(r)
	}
	s.Docs++
	s.Attributions += len(d.Attrs)
	for _, at := range d.Attrs {
		if at.Direct {
			s.Direct++
		}
	}
	s.System += len(sys)
	for _, g := range d.Gold {
		at := &d.Attrs[g.Attr]
		s.Gold++
		switch {
		case at.Unresolved:
			s.GoldUnresolved++
		case at.Source != "":
			s.GoldWithSource++
		}
		var match *parallax.Quote
		right, spoken := false, false
		for i := range sys {
			if overlap(sys[i].Span, g.Span).Len() == 0 {
				continue
			}
			if match == nil {
				match = &sys[i]
			}
			if sys[i].Speaker != "" {
				if !spoken || !right && at.SpeakerRight(sys[i].Speaker) {
					match = &sys[i]
				}
				spoken = true
				if at.SpeakerRight(sys[i].Speaker) {
					right = true
				}
			}
		}
		switch {
		case match == nil:
			emit(QuoteMissed, g.Span, g.Text, at, nil)
			continue
		case !at.Judgeable():
			s.Found++
			continue
		}
		s.Found++
		s.FoundSourced++
		switch {
		case right:
			s.Attributed++
			s.FoundSpoken++
		case spoken:
			s.FoundSpoken++
			emit(SpeakerWrong, g.Span, g.Text, at, match)
		default:
			emit(SpeakerMissing, g.Span, g.Text, at, match)
		}
	}
	// precision: every system quote with a speaker, judged against the
	// attribution whose Content holds it. In PolNeAR the Content is what
	// the Source is reported to have said, and a passage in quotation marks
	// inside it is the Source's own words whether the rest of the Content
	// is quoted or paraphrased ("Ruiz said the plan was “a disaster”"): a
	// system quote there with the Source as speaker is a right attribution,
	// not a spurious one. precision_direct keeps the stricter count, where
	// only gold direct quotes can make a system quote right.
	for i := range sys {
		q := &sys[i]
		if q.Speaker == "" {
			continue
		}
		s.SystemSpeaker++
		judged, right := false, false
		for _, g := range d.Gold {
			if overlap(q.Span, g.Span).Len() == 0 {
				continue
			}
			at := &d.Attrs[g.Attr]
			if !at.Judgeable() {
				continue
			}
			judged = true
			if at.SpeakerRight(q.Speaker) {
				right = true
			}
		}
		if !judged {
			unjudgeable := false
			for _, g := range d.Gold {
				if overlap(q.Span, g.Span).Len() > 0 {
					unjudgeable = true // only gold quotes without a judgeable source here
				}
			}
			if unjudgeable {
				continue
			}
		}
		s.JudgedDirect++
		if right {
			s.RightDirect++
		}
		if judged {
			// the recall loop reported a wrong speaker already
			s.Judged++
			if right {
				s.Right++
			}
			continue
		}
		// not a gold direct quote: judge against an indirect attribution holding it
		best, bestN := -1, 0
		for k, at := range d.Attrs {
			n := 0
			for _, c := range at.Content {
				n += overlap(c, q.Span).Len()
			}
			if n > bestN {
				best, bestN = k, n
			}
		}
		switch {
		case best < 0:
			s.Judged++
			emit(QuoteSpurious, q.Span, "", nil, q)
		case !d.Attrs[best].Judgeable():
			emit(IndirectNoSource, q.Span, "", &d.Attrs[best], q)
		default:
			at := &d.Attrs[best]
			s.Judged++
			if at.SpeakerRight(q.Speaker) {
				s.Right++
				emit(IndirectRight, q.Span, "", at, q)
			} else {
				emit(IndirectWrong, q.Span, "", at, q)
			}
		}
	}
}

// around returns the line(s) holding sp, cut to about 600 bytes around it.
func around(text string, sp parallax.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return ""
	}
	s := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	e := len(text)
	if k := strings.IndexByte(text[sp.End:], '\n'); k >= 0 {
		e = sp.End + k
	}
	const room = 300
	pre, post := "", ""
	if sp.Start-s > room {
		s = sp.Start - room
		for s < sp.Start && !utf8.RuneStart(text[s]) {
			s++
		}
		pre = "…"
	}
	if e-sp.End > room {
		e = sp.End + room
		for e > sp.End && !utf8.RuneStart(text[e]) {
			e--
		}
		post = "…"
	}
	return pre + strings.TrimSpace(text[s:e]) + post
}
