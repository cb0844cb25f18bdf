package stress

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
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
		if err != nil || old == 0 || nw/old < 1.5 {
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
