package stress

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// checkKind asserts what an injection of each kind must look like.
func checkKind(t *testing.T, kind string, inj Injection) {
	t.Helper()
	b, a := inj.Before, inj.After
	switch kind {
	case KindNumber:
		old, ok := numberWords[strings.ToLower(b)]
		if !ok {
			old, _ = strconv.ParseFloat(strings.ReplaceAll(b, ",", ""), 64)
		}
		nw, err := strconv.ParseFloat(strings.ReplaceAll(a, ",", ""), 64)
		if err == nil && isAge(inj) {
			if nw-old < 5 && old-nw < 5 {
				t.Errorf("number: age %q → %q moved by less than 5 years", b, a)
			}
		} else if err != nil || old == 0 || nw/old < 1.5 {
			t.Errorf("number: %q → %q is not a change beyond rounding", b, a)
		}
	case KindOffice:
		ob, oa := officeClass[strings.ToLower(b)], officeClass[strings.ToLower(a)]
		if ob != oa || strings.EqualFold(a, b) {
			t.Errorf("office: %q → %q: not another title of the same class", b, a)
		}
	case KindAcronym:
		rb, _ := utf8.DecodeRuneInString(b)
		ra, _ := utf8.DecodeRuneInString(a)
		if rb != ra || a == b || strings.Contains(a, " ") {
			t.Errorf("acronym: %q → %q: not another word with the same initial", b, a)
		}
	case KindLawYear:
		yb, _ := strconv.Atoi(b)
		ya, err := strconv.Atoi(a)
		if err != nil || ya == yb || ya < yb-10 || ya > yb+10 {
			t.Errorf("law_year: %q → %q", b, a)
		}
	case KindModality:
		added := strings.HasSuffix(a, " "+b)
		removed := strings.HasSuffix(b, " "+a)
		if !added && !removed {
			t.Errorf("modality: %q → %q adds or removes no hedge", b, a)
		}
		if added && !strings.HasSuffix(strings.Fields(a)[0], "edly") {
			t.Errorf("modality: %q → %q: the hedge is no alleging adverb", b, a)
		}
	case KindNegation:
		if !strings.Contains(" "+a+" ", " not ") && !strings.EqualFold(strings.Fields(a)[0], "no") {
			t.Errorf("negation: %q → %q is not negated", b, a)
		}
	}
}

func TestOfficeClassesInTitlesList(t *testing.T) {
	officeOnce.Do(loadOffices)
	if len(officeBad) > 0 {
		t.Errorf("office classes name titles missing from lang's titles list: %v", officeBad)
	}
}

func TestChanged(t *testing.T) {
	tests := []struct{ old, nw, before, after string }{
		{"26", "28", "26", "28"},
		{"March 26, 2024", "March 28, 2024", "26", "28"},
		{"1,200 people", "1,800 people", "1,200", "1,800"},
		{"20 , 000", "45 , 000", "20", "45"},
		{"was", "was not", "was", "was not"},
		{"killed", "allegedly killed", "killed", "allegedly killed"},
		{"allegedly killed", "killed", "allegedly killed", "killed"},
		{"has been", "has not been", "been", "not been"},
		{"Governor", "Senator", "Governor", "Senator"},
		{"Tue March 3", "Mon March 16", "Tue March 3", "Mon March 16"},
	}
	for _, tt := range tests {
		os, oe, ns, ne := changed(tt.old, tt.nw)
		if tt.old[os:oe] != tt.before || tt.nw[ns:ne] != tt.after || os != ns || len(tt.old)-oe != len(tt.nw)-ne {
			t.Errorf("changed(%q, %q) = %q → %q, want %q → %q", tt.old, tt.nw, tt.old[os:oe], tt.nw[ns:ne], tt.before, tt.after)
		}
	}
}

func TestNumberToken(t *testing.T) {
	tests := []struct {
		text, lang string
		want       string // the number read, "" for none
		value      float64
	}{
		{"232 migrants", "en", "232", 232},
		{"a total of 1,200 people", "en", "1,200", 1200},
		{"20 , 000 refugees", "en", "20 , 000", 20000},
		{"$3.5 million", "en", "3.5", 3.5},
		{"6.000 personas", "es", "6.000", 6000},
		{"seven people", "en", "seven", 7},
		{"a 40-year-old man", "en", "40", 40},
		{"siete personas", "es", "", 0},
		{"MS-13 members", "en", "", 0},
		{"46-48 percent", "en", "", 0},
	}
	for _, tt := range tests {
		got, ok := numberToken(tt.text, parallax.Span{Start: 0, End: len(tt.text)}, tt.lang)
		if tt.want == "" {
			if ok {
				t.Errorf("numberToken(%q) = %q, want none", tt.text, got.span.Of(tt.text))
			}
			continue
		}
		if !ok || got.span.Of(tt.text) != tt.want || got.value != tt.value {
			t.Errorf("numberToken(%q) = %q %v (%v), want %q %v", tt.text, got.span.Of(tt.text), got.value, ok, tt.want, tt.value)
		}
	}
}

func TestNumberFormat(t *testing.T) {
	tests := []struct {
		tok  numToken
		v    float64
		want string
	}{
		{numToken{}, 464, "464"},
		{numToken{group: ","}, 1800, "1,800"},
		{numToken{group: " , "}, 45000, "45 , 000"},
		{numToken{group: "."}, 12000, "12.000"},
		{numToken{decMark: ".", decimal: 1}, 7.25, "7.2"},
		{numToken{decMark: ",", decimal: 2}, 9.5, "9,50"},
	}
	for _, tt := range tests {
		if got := tt.tok.format(tt.v); got != tt.want {
			t.Errorf("format(%v) with %+v = %q, want %q", tt.v, tt.tok, got, tt.want)
		}
	}
}

// isAge tells whether the injected number is read as a person's age.
func isAge(inj Injection) bool {
	for _, q := range quantity.Find(inj.Text, "") {
		if overlaps(q.Span, inj.Span) {
			return q.Head == "age"
		}
	}
	return false
}

// A page's time stamp and a date of attribution are no places to move a
// date: no reader would take them for a disagreement about the story.
func TestDatePlaceNotStampOrAttribution(t *testing.T) {
	for _, c := range []struct {
		text, date string
		want       bool // eligible
	}{
		{"Posted : Nov 27 , 2005 8 : 20 AM ET The ferry sank off Kessel Point.", "Nov 27 , 2005", false},
		{"Story Created : Jul 23 , 2012 at 9 : 56 AM The ferry sank.", "Jul 23 , 2012", false},
		{"The ferry sank off Kessel Point 10 : 24 AM , WED 31 JUL 2013 and more.", "WED 31 JUL 2013", false},
		{"The harbour master said Friday that the ferry sank.", "Friday", false},
		{"The ferry sank off Kessel Point on Friday, the harbour master said.", "Friday", true},
		{"The ferry sank just after 8 : 30pm Tuesday night off Kessel Point.", "Tuesday", true},
		{"The court filed the ruling on July 9 , 2001 in Kessel.", "July 9 , 2001", true},
	} {
		i := strings.Index(c.text, c.date)
		d := parallax.DateMention{Text: c.date, Span: parallax.Span{Start: i, End: i + len(c.date)}}
		if got := !pageStamp(c.text, d) && !attributed(c.text, d.Span); got != c.want {
			t.Errorf("%q in %q: eligible %v, want %v", c.date, c.text, got, c.want)
		}
	}
}
