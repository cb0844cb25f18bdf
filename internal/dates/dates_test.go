package dates

import (
	"regexp"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParse(t *testing.T) {
	est := time.FixedZone("", -4*3600)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-04-14", day(2025, 4, 14), true},
		{" 2025-04-14\n", day(2025, 4, 14), true},
		{"2025-04-14T10:30:00Z", time.Date(2025, 4, 14, 10, 30, 0, 0, time.UTC), true},
		{"2025-04-14T10:30:00-04:00", time.Date(2025, 4, 14, 10, 30, 0, 0, est), true},
		{"2025-04-14T10:30:00.123+0000", time.Date(2025, 4, 14, 10, 30, 0, 123e6, time.UTC), true},
		{"2025-04-14 10:30:00", time.Date(2025, 4, 14, 10, 30, 0, 0, time.UTC), true},
		{"2025-04-14 10h30", day(2025, 4, 14), true},
		{"Mon, 14 Apr 2025 10:30:00 GMT", time.Date(2025, 4, 14, 10, 30, 0, 0, time.UTC), true},
		{"Mon, 14 Apr 2025 10:30:00 -0400", time.Date(2025, 4, 14, 10, 30, 0, 0, est), true},
		{"Mon, 7 Apr 2025 10:30:00 -0400", time.Date(2025, 4, 7, 10, 30, 0, 0, est), true},
		{"2025/04/14", day(2025, 4, 14), true},
		{"2025-01", day(2025, 1, 1), true},
		{"2025", day(2025, 1, 1), true},
		{"April 14, 2025", day(2025, 4, 14), true},
		{"Monday, April 14, 2025", day(2025, 4, 14), true},
		{"14 April 2025", day(2025, 4, 14), true},
		{"14th April 2025", day(2025, 4, 14), true},
		{"Apr. 14, 2025", day(2025, 4, 14), true},
		{"Sept 12, 2024", day(2024, 9, 12), true},
		{"17/04/2025", day(2025, 4, 17), true},
		{"04/05/2025", day(2025, 5, 4), true},  // day-first when ambiguous
		{"04/17/2025", day(2025, 4, 17), true}, // month-first when day-first is impossible
		{"17.04.2025", day(2025, 4, 17), true},
		{"14 de abril de 2025", day(2025, 4, 14), true},
		{"lunes, 14 de abril de 2025", day(2025, 4, 14), true},
		{"abril de 2025", day(2025, 4, 1), true},
		{"Updated April 14, 2025 at 10:00 ET", day(2025, 4, 14), true},
		{"", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"April 14", time.Time{}, false}, // no year: not a date on its own
		{"31/02/2025", time.Time{}, false},
		{"2025-13-01", time.Time{}, false},
		{"not a date", time.Time{}, false},
		{"232 migrants", time.Time{}, false},
		{"9999", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if ok != tt.ok || (ok && !got.Equal(tt.want)) {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

type want struct {
	text, date string
	rel        bool
}

func TestFind(t *testing.T) {
	wed := day(2024, 3, 27) // a Wednesday
	mon := day(2025, 4, 14) // a Monday
	tests := []struct {
		name string
		text string
		pub  time.Time
		lang string
		want []want
	}{
		{"full date", "The visit on April 14, 2025 was brief.", time.Time{}, "en",
			[]want{{"April 14, 2025", "2025-04-14", false}}},
		{"day first", "Talks began on 14 April 2025 in the capital.", time.Time{}, "en",
			[]want{{"14 April 2025", "2025-04-14", false}}},
		{"ordinal of", "It ends on the 3rd of May.", mon, "en",
			[]want{{"3rd of May", "2025-05-03", false}}},
		{"year from publication", "The vote is set for April 20.", mon, "en",
			[]want{{"April 20", "2025-04-20", false}}},
		{"nearest year across new year", "The report covered December 30.", day(2025, 1, 3), "en",
			[]want{{"December 30", "2024-12-30", false}}},
		{"weekday with date", "He will visit this Monday, April 14, as planned.", time.Time{}, "en",
			[]want{{"this Monday, April 14", "2025-04-14", false}}},
		{"weekday with date, year from weekday near publication", "Friday, Sept. 14 is the day.", day(2018, 9, 12), "en",
			[]want{{"Friday, Sept. 14", "2018-09-14", false}}},
		{"abbreviations", "From Jan. 31 to Sept. 12, and Oct 3.", mon, "en",
			[]want{{"Jan. 31", "2025-01-31", false}, {"Sept. 12", "2025-09-12", false}, {"Oct 3", "2025-10-03", false}}},
		{"bare weekday is past", "The ship struck the bridge on Tuesday.", wed, "en",
			[]want{{"Tuesday", "2024-03-26", true}}},
		{"same weekday is today", "Officials said Wednesday the search was over.", wed, "en",
			[]want{{"Wednesday", "2024-03-27", true}}},
		{"future cue", "The mayor will travel on Friday.", wed, "en",
			[]want{{"Friday", "2024-03-29", true}}},
		{"future cue after", "On Friday, the mayor will travel north.", wed, "en",
			[]want{{"Friday", "2024-03-29", true}}},
		{"past verb stops the forward look", "On Monday, she said she will run.", wed, "en",
			[]want{{"Monday", "2024-03-25", true}}},
		{"a.m. is no sentence end", "Crews will return at 6 a.m. Thursday.", wed, "en",
			[]want{{"Thursday", "2024-03-28", true}}},
		{"next weekday", "They meet next Monday.", wed, "en",
			[]want{{"next Monday", "2024-04-01", true}}},
		{"last weekday", "It opened last Wednesday.", wed, "en",
			[]want{{"last Wednesday", "2024-03-20", true}}},
		{"this past", "It rained this past Sunday.", wed, "en",
			[]want{{"this past Sunday", "2024-03-24", true}}},
		{"this weekday nearest", "The council met this Monday and meets again this Friday.", wed, "en",
			[]want{{"this Monday", "2024-03-25", true}, {"this Friday", "2024-03-29", true}}},
		{"relative words", "Yesterday it rained, today it shines, tomorrow who knows.", wed, "en",
			[]want{{"Yesterday", "2024-03-26", true}, {"today", "2024-03-27", true}, {"tomorrow", "2024-03-28", true}}},
		{"last week and friends", "Last week, last month and last year; next week too. This morning and last night.", wed, "en",
			[]want{{"Last week", "2024-W12", true}, {"last month", "2024-02", true}, {"last year", "2023", true},
				{"next week", "2024-W14", true}, {"This morning", "2024-03-27", true}, {"last night", "2024-03-26", true}}},
		{"ago", "Two days ago and 3 weeks ago and a year ago.", wed, "en",
			[]want{{"Two days ago", "2024-03-25", true}, {"3 weeks ago", "2024-W10", true}, {"a year ago", "2023", true}}},
		{"relative without publication", "Yesterday the river rose.", time.Time{}, "en",
			[]want{{"Yesterday", "", true}}},
		{"month and year", "Prices rose in January 2024 and in March of 2023.", time.Time{}, "en",
			[]want{{"January 2024", "2024-01", false}, {"March of 2023", "2023-03", false}}},
		{"years with cues", "Built in 2015, it has stood since 2015, like the Rebellion of 1798.", time.Time{}, "en",
			[]want{{"2015", "2015", false}, {"2015", "2015", false}, {"1798", "1798", false}}},
		{"year range", "He served from 2001 to 2013.", time.Time{}, "en",
			[]want{{"2001", "2001", false}, {"2013", "2013", false}}},
		{"numeric", "Seen 17/04/2025; filed 2025-04-14; seen 14.04.2025.", time.Time{}, "",
			[]want{{"17/04/2025", "2025-04-17", false}, {"2025-04-14", "2025-04-14", false}, {"14.04.2025", "2025-04-14", false}}},
		{"spanish full", "La reunión fue el 14 de abril de 2025 en Washington.", time.Time{}, "es",
			[]want{{"14 de abril de 2025", "2025-04-14", false}}},
		{"spanish weekday and date", "Llegará el lunes 14 de abril a la Casa Blanca.", day(2025, 4, 12), "es",
			[]want{{"lunes 14 de abril", "2025-04-14", false}}},
		{"spanish relative", "Ayer llovió; hoy no. El próximo lunes y el martes pasado.", wed, "es",
			[]want{{"Ayer", "2024-03-26", true}, {"hoy", "2024-03-27", true},
				{"próximo lunes", "2024-04-01", true}, {"martes pasado", "2024-03-26", true}}},
		{"spanish units", "La semana pasada, el año pasado y este año.", wed, "es",
			[]want{{"semana pasada", "2024-W12", true}, {"año pasado", "2023", true}, {"este año", "2024", true}}},
		{"spanish mañana", "Por la mañana habló; esta mañana calló; mañana vuelve.", wed, "es",
			[]want{{"esta mañana", "2024-03-27", true}, {"mañana", "2024-03-28", true}}},
		{"spanish future tense", "El presidente viajará el viernes.", wed, "es",
			[]want{{"viernes", "2024-03-29", true}}},
		{"spanish year", "Nació en Chicago en 1955 y desde 2023 vive aquí.", time.Time{}, "es",
			[]want{{"1955", "1955", false}, {"2023", "2023", false}}},
		{"spanish hace", "Hace dos semanas y hace un año.", wed, "es",
			[]want{{"Hace dos semanas", "2024-W11", true}, {"hace un año", "2023", true}}},
		{"portuguese weekday and day", "Na noite de quarta-feira (29), o avião caiu.", day(2025, 1, 30), "pt",
			[]want{{"quarta-feira (29)", "2025-01-29", true}}},
		{"portuguese relative", "Ontem e hoje.", wed, "pt",
			[]want{{"Ontem", "2024-03-26", true}, {"hoje", "2024-03-27", true}}},
		{"dateline becomes publication", "Posted on 17/04/2025 at 11:30\nThe talks ended on Monday.", time.Time{}, "en",
			[]want{{"Posted on 17/04/2025", "2025-04-17", false}, {"Monday", "2025-04-14", true}}},
		{"weekday-only year without any anchor", "Bukele visits this Monday, April 14.", time.Time{}, "en",
			[]want{{"this Monday, April 14", "2025-04-14", false}}},
		{"year-less date with a text that only looks back", "Born on 14 September 1955, he died on April 21.", time.Time{}, "en",
			[]want{{"14 September 1955", "1955-09-14", false}, {"April 21", "1955-04-21", false}}},
		{"no anchor", "The funeral is on April 21 and in 2015 he moved.", time.Time{}, "en",
			[]want{{"April 21", "", false}, {"2015", "2015", false}}},
	}
	old := now
	now = func() time.Time { return day(2026, 6, 1) }
	defer func() { now = old }()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, tt.pub, tt.lang)
			checkSpans(t, tt.text, got)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d mentions %v, want %d %v", tt.text, len(got), got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Date != w.date || g.Relative != w.rel {
					t.Errorf("Find(%q)[%d] = %q %q rel=%v, want %q %q rel=%v", tt.text, i, g.Text, g.Date, g.Relative, w.text, w.date, w.rel)
				}
			}
		})
	}
}

// TestFindNot lists text that holds no date, above all numbers that are
// counts and capitalised words that are names.
func TestFindNot(t *testing.T) {
	wed := day(2024, 3, 27)
	for _, text := range []string{
		"232 migrants were sent to the prison.",
		"In 2000 cases the court agreed.",
		"A total of 2000.",
		"As of 1200 GMT the polls were open.",
		"They may march on the capital.",
		"Black Friday sales and Super Tuesday results.",
		"The Sunday Times reported it.",
		"It cost $2025 and 2,025 euros, 2025% more.",
		"The 1990s were different.",
		"A 14km walk at 10:14 with 3.14 litres.",
		"Domingo Perón habló con Martes Ruiz.",
		"Sat on the bench on Wed Street.",
		"in the past year and over the last week of March",
		"Hoy en día nadie lo cree.",
		"24/7 support, 1/2 price, version 1.2.3.",
		"It closed years ago. 14 people lost their jobs.",
		// an address's slug dates nothing, spelled whole or token by token
		"Read https://quakes.example/kessel-quake-today-2031 for the map.",
		"http : / / www . quakes . example / kessel - quake - today - 2031",
	} {
		if got := Find(text, wed, ""); len(got) > 0 {
			t.Errorf("Find(%q) = %v, want none", text, got)
		}
	}
}

var isoRe = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?|-W\d{2})?)?$`)

// checkSpans checks the invariants every result must keep: Text is exactly
// the spanned text, spans are in order and do not overlap, Date is ISO.
func checkSpans(t *testing.T, text string, got []parallax.DateMention) {
	t.Helper()
	prev := 0
	for _, m := range got {
		if m.Span.Start < prev || m.Span.End <= m.Span.Start || m.Span.End > len(text) {
			t.Fatalf("bad span %v (prev end %d, len %d) in %q", m.Span, prev, len(text), text)
		}
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Fatalf("Text %q != text[span] %q", m.Text, text[m.Span.Start:m.Span.End])
		}
		if !isoRe.MatchString(m.Date) {
			t.Fatalf("Date %q of %q is not ISO", m.Date, m.Text)
		}
		prev = m.Span.End
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		text string
		span string
		want time.Time
		ok   bool
	}{
		{"Talks Stall in the Capital\nA short standfirst here.\nPosted on 17/04/2025 at 11:30\nBody text.", "Posted on 17/04/2025", day(2025, 4, 17), true},
		{"Headline\nPublished on : 11 November 2011 - 11 : 25am\nBody.", "Published on : 11 November 2011", day(2011, 11, 11), true},
		{"Updated March 27, 2024\nThe port reopened.", "Updated March 27, 2024", day(2024, 3, 27), true},
		{"Publicado el 14 de abril de 2025\nEl presidente llegó.", "Publicado el 14 de abril de 2025", day(2025, 4, 14), true},
		{"By Ana Ruiz | Published Monday, April 14, 2025 10:00 ET\nText.", "Published Monday, April 14, 2025", day(2025, 4, 14), true},
		{"Last updated: 2025-04-15\nPublished 14 April 2025\nText.", "Published 14 April 2025", day(2025, 4, 14), true},
		{"Last updated: 2025-04-15\nText of the story.", "Last updated: 2025-04-15", day(2025, 4, 15), true},
		{"Headline here\nApril 14, 2025\nText.", "April 14, 2025", day(2025, 4, 14), true},
		{"By Web Desk\nOctober 20, 2024\nText.", "October 20, 2024", day(2024, 10, 20), true},
		{"Date: 03/02/2024\nText.", "Date: 03/02/2024", day(2024, 2, 3), true},
		{"The report was published in a long sentence that goes on and on and on, well past the point where any reasonable dateline would have ended, on April 14, 2025.", "", time.Time{}, false},
		{"The date of the vote is unknown.\nNothing here.", "", time.Time{}, false},
		{"Posted on Monday\nNo year.", "", time.Time{}, false},
		{"", "", time.Time{}, false},
	}
	for _, tt := range tests {
		got, sp, ok := Dateline(tt.text)
		if ok != tt.ok || !got.Equal(tt.want) || sp.Of(tt.text) != tt.span {
			t.Errorf("Dateline(%q) = %v, %q, %v; want %v, %q, %v", tt.text, got, sp.Of(tt.text), ok, tt.want, tt.span, tt.ok)
		}
	}
	// Far into the text is no dateline.
	long := ""
	for range 40 {
		long += "A line of body text that says nothing about dates.\n"
	}
	if _, _, ok := Dateline(long + "Posted on 17/04/2025\n"); ok {
		t.Error("Dateline found a date 2,000 bytes in")
	}
}

// A year glued to a past participle dates what it describes; glued to a
// noun it is a count.
func TestYearBeforeParticiple(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Ships passed under the 1977-built steel span every day.", 1},
		{"The 2009-founded startup moved to Kessel.", 1},
		{"The 2000-strong crowd cheered.", 0},
		{"A 1500-page report was published.", 0},
	} {
		if got := Find(tt.text, time.Time{}, "en"); len(got) != tt.want {
			t.Errorf("%q: %+v, want %d dates", tt.text, got, tt.want)
		}
	}
}

// Every value in the language layer's date tables names a known modifier or unit.
func TestDateTableValues(t *testing.T) {
	for _, l := range []string{"en", "es", "pt"} {
		for w, d := range lang.Pairs("date_modifiers", l) {
			if modOf[d] == 0 {
				t.Errorf("%s date_modifiers: %s has unknown direction %q", l, w, d)
			}
		}
		for w, u := range lang.Pairs("date_units", l) {
			if unitOf[u] == 0 {
				t.Errorf("%s date_units: %s has unknown unit %q", l, w, u)
			}
		}
	}
}
