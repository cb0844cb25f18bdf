package quantity

import (
	"math"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// Compatible reports whether a and b can both be true of one thing: whether
// the intervals they allow overlap once hedges and rounding are allowed for.
// It compares numbers only; ask SameThing first whether they count the same
// thing. The rules:
//
//   - An exact value is a point: 410 and 412 are not compatible, nor are 948
//     and 985 feet.
//   - A value written with a scale word is as precise as its digits, a
//     little less than half a last digit either way: "$6m" is 5.55–6.45
//     million, "1.5 million" 1.455–1.545 million, so 1.5 and 1.6 million
//     differ.
//   - Approx widens the interval by 10% each way: "about 180" is 162–198,
//     so it is compatible with 176; "hundreds" (200–999) is compatible with
//     232.
//   - "more than 200" is 200 and up; "up to 10" is 0–10; "nearly 20"
//     (High and Approx, no Low) is taken as 16–20 before widening, and "just
//     over 200" (Low and Approx) as 200–250.
//   - Measures in different units of one dimension are converted, each
//     value allowed half a unit of rounding: 300 metres and 984 feet are
//     compatible.
//
// A quantity with no number is compatible with nothing.
func Compatible(a, b parallax.Quantity) bool {
	alo, ahi, ok := interval(&a)
	if !ok {
		return false
	}
	blo, bhi, ok := interval(&b)
	if !ok {
		return false
	}
	if a.Unit != b.Unit {
		da, oka := unitByName[a.Unit]
		db, okb := unitByName[b.Unit]
		if oka && okb && da.dim == db.dim && da.dim != dTemp {
			// Each side was rounded in its own unit.
			if a.Value != nil {
				alo, ahi = alo-0.5, ahi+0.5
			}
			if b.Value != nil {
				blo, bhi = blo-0.5, bhi+0.5
			}
			alo, ahi = alo*da.factor, scaleHi(ahi, da.factor)
			blo, bhi = blo*db.factor, scaleHi(bhi, db.factor)
		}
	}
	eps := 1e-9 * math.Max(1, math.Max(math.Abs(alo), math.Abs(blo)))
	return alo <= bhi+eps && blo <= ahi+eps
}

const open = 1e300

func scaleHi(hi, f float64) float64 {
	if hi >= open {
		return hi
	}
	return hi * f
}

// interval is the closed interval q allows, hedges and rounding included.
func interval(q *parallax.Quantity) (lo, hi float64, ok bool) {
	lo, hi, ok = q.Bounds()
	if !ok {
		return 0, 0, false
	}
	switch {
	case q.Value == nil && q.Low == nil && q.High != nil && q.Approx:
		lo = 0.8 * hi // "nearly 20"
	case q.Value == nil && q.High == nil && q.Low != nil && q.Approx:
		hi = 1.25 * lo // "just over 200"
	}
	if q.Value != nil {
		tol := precision(q)
		lo -= tol
		hi += tol
	}
	if q.Approx {
		lo -= 0.1 * math.Abs(lo)
		if hi < open {
			hi += 0.1 * math.Abs(hi)
		}
	}
	return lo, hi, true
}

// precision is half the last unit a value written with a scale word states:
// 0.05 million for "1.5 million", 0.5 million for "$6m". Plain numbers are
// exact.
func precision(q *parallax.Quantity) float64 {
	if q.Value == nil {
		return 0
	}
	toks := tokenize(q.Text, make([]token, 0, 16), false)
	scale := 1.0
	for k := range toks {
		t := &toks[k]
		if t.kind != kWord {
			continue
		}
		sc, ok := anyScale(t.low)
		if !ok && k > 0 && toks[k-1].kind == kNum && toks[k-1].e == t.s {
			sc, ok = attachedScale[q.Text[t.s:t.e]]
		}
		if !ok {
			if nw, isNum := enNumbers[t.low]; isNum && nw.kind == nScale {
				sc, ok = nw.v, true
			}
		}
		if ok {
			scale *= sc
		}
	}
	if scale == 1 {
		return 0
	}
	m := math.Abs(*q.Value) / scale
	for d := 0; d <= 4; d++ {
		x := m * pow10[d]
		if math.Abs(x-math.Round(x)) < 1e-6 {
			return 0.45 * scale / pow10[d]
		}
	}
	return 0
}

// SameThing reports whether a and b measure or count the same kind of thing,
// so that their numbers may be compared. The rules:
//
//   - Quantities without a unit are never the same thing.
//   - Rates must have the same period when both state one ("$6m a year" is
//     not "$500,000 a month").
//   - Money: the same currency code ("USD" and "USD").
//   - Percentages: both "percent", or both "percentage points".
//   - Measures: units of the same dimension ("feet" and "metres", "days" and
//     "years"); an age only with an age ("40-year-old", "39 years old");
//     degrees Celsius never with degrees Fahrenheit.
//   - Counts: the same head after lemmatising and translating ("migrants" and
//     "Venezuelan migrants" both have head "migrant"; "personas", "people"
//     and "individuals" are all "person"). Different heads are different
//     things even when both are people: "men" and "migrants" may well be the
//     same people, but telling so takes the story, not the words.
func SameThing(a, b parallax.Quantity) bool {
	if a.Unit == "" || b.Unit == "" {
		return false
	}
	if a.Per != "" && b.Per != "" && a.Per != b.Per {
		return false
	}
	ka, kb := unitKind(a.Unit), unitKind(b.Unit)
	if ka != kb {
		return false
	}
	switch ka {
	case uMoney, uPercent:
		return a.Unit == b.Unit
	case uMeasure:
		da, db := unitByName[a.Unit], unitByName[b.Unit]
		if da.dim != db.dim {
			return false
		}
		if (a.Head == "age") != (b.Head == "age") {
			return false
		}
		if da.dim == dTemp && a.Head != b.Head && a.Head != "degree" && b.Head != "degree" && a.Head != "" && b.Head != "" {
			return false
		}
		return true
	}
	ha, hb := countHead(&a), countHead(&b)
	return ha != "" && ha == hb
}

// unitKind tells money, percentages, measures and counts apart by unit.
func unitKind(u string) uint8 {
	switch {
	case u == "percent" || u == "percentage points":
		return uPercent
	case isCurrency(u):
		return uMoney
	}
	if _, ok := unitByName[u]; ok {
		return uMeasure
	}
	return uCount
}

// countHead is the comparable head of a count.
func countHead(q *parallax.Quantity) string {
	h := q.Head
	if h == "" {
		h = lemmaEN(lower(q.Unit))
	}
	if s, ok := headSynonyms[h]; ok {
		return s
	}
	return h
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// KindOf reports whether one count counts people in general and the other
// a kind of person ("six people" and "six workers"; heads after synonyms,
// the kind read from WordNet's person class). SameThing keeps them apart, as
// the two may be different people; a caller that has other reasons to take
// them for one group (the same exact number in like sentences) asks this.
func KindOf(a, b parallax.Quantity) bool {
	if unitKind(a.Unit) != uCount || unitKind(b.Unit) != uCount || a.Per != b.Per {
		return false
	}
	ha, hb := countHead(&a), countHead(&b)
	if ha == "" || hb == "" || ha == hb {
		return false
	}
	if hb == "person" {
		ha, hb = hb, ha
	}
	return ha == "person" && lang.HasClass(hb, lang.ClassPerson)
}

// IsLength reports whether q is a distance or a length (its unit one of
// length: miles, kilometres, feet).
func IsLength(q parallax.Quantity) bool {
	u, ok := unitByName[q.Unit]
	return ok && u.dim == dLength
}

// IsMoney reports whether q is a sum of money (its unit a currency).
func IsMoney(q parallax.Quantity) bool { return unitKind(q.Unit) == uMoney }
