package stress

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// numbers: a figure with what it counts or measures, stated with the same
// value of the same thing by another outlet, for the same fact (sameFact); it is multiplied by 1.5–3, so
// the change is beyond any rounding. The same value means the same amount:
// "three decades" is no counterpart of "three years".
func (sc *storyCtx) numbers() []candidate {
	var out []candidate
	for i := range sc.story.Articles {
		text := sc.text(i)
		for _, q := range sc.qs[i] {
			if q.Value == nil || *q.Value == 0 || q.Head == "" && q.Unit == "" || quantity.SplitPiece(text, q.Span) {
				continue // a piece of a tokenised number ("1 . 6 miles") is no figure to rewrite
			}
			tok, ok := numberToken(text, q.Span, sc.lang(i))
			if !ok || tok.value == 1 && tok.decimal == 0 {
				continue // "1 person" would need its noun made plural
			}
			var counter []Ref
			own := sc.factWords(i, q.Span)
			for _, j := range sc.others(i) {
				for _, q2 := range sc.qs[j] {
					if q2.Value != nil && *q2.Value == *q.Value && quantity.SameThing(q, q2) && quantity.Compatible(q, q2) && !quantity.SplitPiece(sc.text(j), q2.Span) && sc.sameFact(own, j, q2.Span) {
						counter = append(counter, sc.ref(j, q2.Span))
					}
				}
			}
			tok.age = q.Head == "age"
			q, l := q, sc.lang(i)
			out = append(out, candidate{art: i, span: tok.span, rewrite: tok.rewrite, counter: counter,
				verify: func(inj Injection) bool { return figureChanged(inj, q, l) }, again: sc.restated(i, q, tok)})
		}
	}
	return out
}

// restated are the other mentions of q's figure in article i: the same
// value of the same thing. Each is rewritten to the injected value in its own
// form, so the outlet states one figure throughout and the injection
// disagrees with other outlets only.
func (sc *storyCtx) restated(i int, q parallax.Quantity, main numToken) []restatement {
	var out []restatement
	text, l := sc.text(i), sc.lang(i)
	for _, q2 := range sc.qs[i] {
		if q2.Span == q.Span || q2.Value == nil || *q2.Value != *q.Value || !quantity.SameThing(q, q2) || quantity.SplitPiece(text, q2.Span) {
			continue
		}
		tok, ok := numberToken(text, q2.Span, l)
		if !ok || tok.value != main.value {
			continue // "1.5 million" against "1,500,000": not rewritten alike
		}
		out = append(out, restatement{span: tok.span, write: func(nw string) string {
			t, ok := numberToken(nw, parallax.Span{End: len(nw)}, l)
			if !ok {
				return ""
			}
			return tok.format(t.value)
		}})
	}
	return out
}

// numToken is the number written in a quantity: digits, or an English
// number word.
type numToken struct {
	span    parallax.Span
	value   float64
	word    bool
	group   string // thousands separator as written (",", " , ", "."), "" when none
	decMark string // decimal mark, "" for whole numbers
	decimal int    // digits after the decimal mark
	// age is set for a person's age, which moves by 5–20 years instead:
	// tripled, it would be no age at all
	age bool
}

var digitsRe = regexp.MustCompile(`\d{1,3}(?:(?:,| , |\.| \. )\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`)

// numberWords are the English cardinals written as one word (a closed class).
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var groupedRe = map[string]*regexp.Regexp{
	",": regexp.MustCompile(`^\d{1,3}(,\d{3})+$`),
	".": regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`),
}

var wordRe = regexp.MustCompile(`\p{L}+`)

// groupMark is the thousands separator of lang: "." in the languages that
// write 6.000, "," in English and by default.
func groupMark(lang string) string {
	switch lang {
	case "es", "pt", "de", "it", "fr", "nl", "da", "tr", "id":
		return "."
	}
	return ","
}

// numberToken finds the first number written in the quantity at sp.
func numberToken(text string, sp parallax.Span, lang string) (numToken, bool) {
	s := sp.Of(text)
	if m := digitsRe.FindStringIndex(s); m != nil {
		next := func(k int) byte {
			if m[1]+k < len(s) {
				return s[m[1]+k]
			}
			return 0
		}
		if m[0] > 0 && (isDigit(s[m[0]-1]) || s[m[0]-1] == '-') || next(0) == ':' || next(0) == '-' && !isLetter(next(1)) {
			return numToken{}, false // part of a code, a range or a time; "40-year-old" is kept
		}
		t := numToken{span: parallax.Span{Start: sp.Start + m[0], End: sp.Start + m[1]}}
		raw := s[m[0]:m[1]]
		gm := groupMark(lang)
		compact := strings.ReplaceAll(raw, " ", "")
		switch {
		case groupedRe[gm].MatchString(compact):
			t.group = gm
			if strings.Contains(raw, " "+gm+" ") {
				t.group = " " + gm + " "
			}
			compact = strings.ReplaceAll(compact, gm, "")
		case strings.ContainsAny(compact, ".,"):
			k := strings.IndexAny(compact, ".,")
			t.decMark, t.decimal = compact[k:k+1], len(compact)-k-1
			compact = strings.Replace(compact, t.decMark, ".", 1)
		}
		v, err := strconv.ParseFloat(compact, 64)
		if err != nil || v == 0 {
			return numToken{}, false
		}
		t.value = v
		return t, true
	}
	if lang != "en" && lang != "" {
		return numToken{}, false
	}
	for _, m := range wordRe.FindAllStringIndex(s, -1) {
		if v, ok := numberWords[strings.ToLower(s[m[0]:m[1]])]; ok {
			return numToken{span: parallax.Span{Start: sp.Start + m[0], End: sp.Start + m[1]}, value: v, word: true}, true
		}
	}
	return numToken{}, false
}

// rewrite multiplies the number by 1.5–3, or moves an age by 5–20 years
// (at most halving or doubling it),
// keeping its form: digits stay digits with the same separators and
// decimals, words become digits.
func (t numToken) rewrite(r *rand.Rand) string {
	if t.age && t.decimal == 0 {
		// within half and twice the age, as an outlet's slip would be:
		// a 23-year-old told as 4 is another person to any reader (and
		// to the comparison, which holds figures over three times apart
		// as different things)
		k := 5 + float64(r.IntN(16))
		if r.IntN(2) == 0 && t.value-k >= t.value/2 {
			return t.format(t.value - k)
		}
		return t.format(t.value + min(k, t.value))
	}
	for try := 0; try < 8; try++ {
		f := 1.5 + 1.5*r.Float64()
		v := t.value * f
		scale := math.Pow(10, float64(t.decimal))
		v = math.Round(v*scale) / scale
		if v < t.value*1.5 {
			v = math.Ceil(t.value*1.5*scale) / scale
		}
		if t.group == "" && t.decimal == 0 && v >= 1000 && v <= 2100 {
			continue // would read as a year
		}
		return t.format(v)
	}
	return ""
}

func (t numToken) format(v float64) string {
	if t.decimal > 0 {
		s := strconv.FormatFloat(v, 'f', t.decimal, 64)
		return strings.Replace(s, ".", t.decMark, 1)
	}
	s := strconv.FormatFloat(v, 'f', 0, 64)
	if t.group == "" {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(t.group)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// figureChanged checks the injection: a quantity is read over the new
// number, of the same thing, and its value differs from the old one by a
// factor of 1.5 or more.
func figureChanged(inj Injection, old parallax.Quantity, lang string) bool {
	for _, q := range quantity.Find(inj.Text, lang) {
		if !overlaps(q.Span, inj.Span) {
			continue
		}
		if q.Value == nil || !quantity.SameThing(q, old) {
			return false
		}
		if old.Head == "age" {
			return math.Abs(*q.Value-*old.Value) >= 5
		}
		ratio := *q.Value / *old.Value
		return ratio >= 1.5-1e-9 || ratio <= 1/1.5+1e-9
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
