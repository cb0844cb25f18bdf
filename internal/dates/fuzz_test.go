package dates

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"this Monday, April 14", "Posted on 17/04/2025 at 11:30", "el lunes 14 de abril de 2025",
		"quarta-feira (29)", "in 2023", "232 migrants", "Jan. 31", "2025-04-14T10:00", "hace dos días",
		"Monday,", "April", "14 de", "(29", "\xff\xfe", "mañana", "esta mañana", "mid-2023", "1/2/",
	} {
		f.Add(s, int64(1711497600), "en")
		f.Add(s, int64(0), "")
	}
	f.Fuzz(func(t *testing.T, text string, unix int64, lang string) {
		var pub time.Time
		if unix > 0 && unix < 1<<40 {
			pub = time.Unix(unix, 0).UTC()
		}
		got := Find(text, pub, lang)
		checkSpans(t, text, got)
		if tm, sp, ok := Dateline(text); ok {
			if sp.Of(text) == "" || tm.IsZero() {
				t.Fatalf("Dateline(%q) = %v %v", text, tm, sp)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2025-04-14", "2025-04-14T10:30:00Z", "Mon, 14 Apr 2025 10:30:00 GMT", "April 14, 2025",
		"17/04/2025", "14 de abril de 2025", "2025-01", "garbage", "31/02/2025", "2025-04-14 xx",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, ok := Parse(s)
		if ok && (tm.Year() < 1000 || tm.Year() > 2199) {
			t.Fatalf("Parse(%q) = %v: year out of range", s, tm)
		}
		if !ok && !tm.IsZero() {
			t.Fatalf("Parse(%q) = %v, false: want the zero time", s, tm)
		}
	})
}

// article is a fictional report of about 2,000 characters with the kinds of
// date the scanner meets in real copy.
var article = strings.TrimSpace(`
Harbour Council Delays Vote on Ferry Contract
Posted on 12/03/2025 at 09:15
PORT ELLIS — The harbour council postponed on Tuesday a vote on the new ferry contract, the third delay since January 2024, after two members asked for more time to study the bids.
Council chair Marta Oyelaran said the vote would now take place next Monday, March 17, and that the three bidders had until Friday to answer written questions. "We are not going to sign a ten-year deal in a hurry," she told reporters yesterday.
The current operator, which has run the route since 2011, carried 412,000 passengers last year, down from 455,000 in 2019. Its contract expires on 30 June 2025, and the council has said a gap in service is not an option.
One of the bidders, Northway Lines, said in a statement on Wednesday that it could start service within 90 days of signing. A second bidder declined to comment. The third, a local cooperative founded in 1998, has asked the council to publish the scoring rules before the vote.
Residents packed the town hall this evening. Some said fares had risen 14 percent in two years; others complained about cancelled sailings during the storms of February 2024. "Last winter we were cut off for nine days," said one shopkeeper.
The council first discussed the contract on Sept. 12, 2024 and again on Jan. 31. A public hearing is planned for April 2, and the final decision is expected before the end of the month.
Earlier this week, the regional transport office said it would review any contract longer than five years. A spokesperson said the review could take up to 60 days.
Opposition members said the delays had already cost the town money, pointing to consultants' fees that they put at more than 80,000 euros, a figure the chair disputed.
Two weeks ago the council also approved repairs to the north pier, which was damaged on 14 February. Work is scheduled to begin on Thursday, 20 March 2025, weather permitting.
`)

func BenchmarkFind(b *testing.B) {
	pub := day(2025, 3, 12)
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	for b.Loop() {
		Find(article, pub, "en")
	}
}

func BenchmarkDateline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Dateline(article)
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Parse("2025-04-14T10:30:00Z")
		Parse("14 de abril de 2025")
	}
}

func TestBenchmarkArticle(t *testing.T) {
	if n := utf8.RuneCountInString(article); n < 1800 || n > 2400 {
		t.Fatalf("benchmark article has %d characters, want about 2,000", n)
	}
	got := Find(article, day(2025, 3, 12), "en")
	checkSpans(t, article, got)
	want := map[string]string{
		"Posted on 12/03/2025": "2025-03-12", "Tuesday": "2025-03-11", "January 2024": "2024-01",
		"next Monday, March 17": "2025-03-17", "Friday": "2025-03-14", "yesterday": "2025-03-11",
		"2011": "2011", "last year": "2024", "2019": "2019", "30 June 2025": "2025-06-30",
		"Wednesday": "2025-03-12", "1998": "1998", "this evening": "2025-03-12", "February 2024": "2024-02",
		"Sept. 12, 2024": "2024-09-12", "Jan. 31": "2025-01-31", "April 2": "2025-04-02",
		"this week": "2025-W11", "Two weeks ago": "2025-W09", "14 February": "2025-02-14",
		"Thursday, 20 March 2025": "2025-03-20",
	}
	seen := map[string]bool{}
	for _, m := range got {
		seen[m.Text] = true
		if d, ok := want[m.Text]; ok && d != m.Date {
			t.Errorf("%q = %q, want %q", m.Text, m.Date, d)
		}
		if _, ok := want[m.Text]; !ok {
			t.Errorf("unexpected mention %q = %q", m.Text, m.Date)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("missing %q", k)
		}
	}
}
