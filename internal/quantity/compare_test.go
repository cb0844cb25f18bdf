package quantity

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

// one returns the single quantity Find reads in text.
func one(t *testing.T, text, lang string) parallax.Quantity {
	t.Helper()
	qs := Find(text, lang)
	if len(qs) != 1 {
		t.Fatalf("Find(%q) found %d quantities, want 1: %v", text, len(qs), qs)
	}
	return qs[0]
}

func TestCompatible(t *testing.T) {
	cases := []struct {
		a, b string
		lang string
		want bool
	}{
		{"about 180 seats", "176 seats", "en", true},
		{"410 seats", "412 seats", "en", false},
		{"hundreds of migrants", "232 migrants", "en", true},
		{"more than 200 migrants", "232 migrants", "en", true},
		{"more than 200 migrants", "150 migrants", "en", false},
		{"a 948-foot ship", "a 985-foot ship", "en", false},
		{"a 984-foot ship", "a 300-metre ship", "en", true},
		{"a 984-foot ship", "a 250-metre ship", "en", false},
		{"$6m", "$6.3 million", "en", true},
		{"1.5 million people", "1.52 million people", "en", true},
		{"1.5 million people", "1.6 million people", "en", false},
		{"six million dollars", "$6,000,000", "en", true},
		{"nearly 20 people", "19 people", "en", true},
		{"nearly 20 people", "5 people", "en", false},
		{"up to 10 boats", "4 boats", "en", true},
		{"up to 10 boats", "14 boats", "en", false},
		{"between 46 and 48 degrees", "47 degrees", "en", true},
		{"between 46 and 48 degrees", "50 degrees", "en", false},
		{"about 90%", "85 percent", "en", true},
		{"about 90%", "70 percent", "en", false},
		{"hundreds of people", "5,000 people", "en", false},
		{"tens of thousands of people", "30,000 people", "en", true},
		{"cientos de migrantes", "232 migrants", "es", true},
	}
	for _, tc := range cases {
		a := one(t, tc.a, tc.lang)
		b := one(t, tc.b, "en")
		if got := Compatible(a, b); got != tc.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := Compatible(b, a); got != tc.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v (reversed)", tc.b, tc.a, got, tc.want)
		}
	}
	if Compatible(parallax.Quantity{}, parallax.Quantity{}) {
		t.Error("quantities without numbers are compatible")
	}
}

func TestSameThing(t *testing.T) {
	cases := []struct {
		a, la, b, lb string
		want         bool
	}{
		{"232 migrants", "en", "more than 200 Venezuelan migrants", "en", true},
		{"hundreds of gang-affiliated migrants", "en", "232 migrants", "en", true},
		{"232 migrants", "en", "more than 200 men", "en", false},
		{"17 violent offenders", "en", "232 migrants", "en", false},
		{"over 84,000 gang members", "en", "10 more alleged gang members", "en", true},
		{"10 gang members", "en", "10 members", "en", false},
		{"22 deportation flights", "en", "five flights", "en", true},
		{"six million dollars annually", "en", "$6m", "en", true},
		{"six million dollars annually", "en", "$500,000 a month", "en", false},
		{"$6m", "en", "€6m", "en", false},
		{"about 90%", "en", "90 per cent", "en", true},
		{"90 percent", "en", "3 percentage points", "en", false},
		{"a 948-foot-long ship", "en", "a 300-metre ship", "en", true},
		{"a 40-year-old man", "en", "39 years old", "en", true},
		{"a 40-year-old man", "en", "40 years", "en", false},
		{"30°C", "en", "86 degrees Fahrenheit", "en", false},
		{"67 personas muertas", "es", "70 people", "en", true},
		{"200 migrantes", "es", "232 migrants", "en", true},
		{"dos millones de dólares", "es", "$2 million", "en", true},
		{"121", "en", "121", "en", false},
		{"six accused of fraud", "en", "six people", "en", true},
	}
	for _, tc := range cases {
		a := one(t, tc.a, tc.la)
		b := one(t, tc.b, tc.lb)
		if got := SameThing(a, b); got != tc.want {
			t.Errorf("SameThing(%q, %q) = %v, want %v (heads %q, %q)", tc.a, tc.b, got, tc.want, a.Head, b.Head)
		}
		if got := SameThing(b, a); got != tc.want {
			t.Errorf("SameThing(%q, %q) = %v, want %v (reversed)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestKindOf(t *testing.T) {
	q := func(unit, head string) parallax.Quantity {
		v := 6.0
		return parallax.Quantity{Value: &v, Unit: unit, Head: head}
	}
	for _, c := range []struct {
		a, b parallax.Quantity
		want bool
	}{
		{q("people", "person"), q("workers", "worker"), true},
		{q("workers", "worker"), q("people", ""), true},
		{q("workers", "worker"), q("workers", "worker"), false}, // SameThing's case
		{q("people", "person"), q("ships", "ship"), false},
		{q("workers", "worker"), q("miners", "miner"), false}, // two kinds: may be other people
		{q("people", "person"), q("USD", ""), false},
	} {
		if got := KindOf(c.a, c.b); got != c.want {
			t.Errorf("KindOf(%s, %s) = %v, want %v", c.a.Unit, c.b.Unit, got, c.want)
		}
	}
}
