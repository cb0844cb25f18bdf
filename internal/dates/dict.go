package dates

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Languages a dictionary entry belongs to, as bits so that one text can allow
// several.
const (
	lEN uint8 = 1 << iota
	lES
	lPT
	lAll = lEN | lES | lPT
)

// modOf and unitOf read the values of the date_modifiers and date_units tables.
var (
	modOf  = map[string]int{"this": modThis, "next": modNext, "last": modLast}
	unitOf = map[string]int{"day": uDay, "week": uWeek, "month": uMonth, "year": uYear, "night": uNight, "morning": uMorning}
	cueOf  = map[string]int{"published": cuePublished, "updated": cueUpdated, "date": cueDate}
)

// datelineFillers may stand between a dateline cue and its date: "Published
// on", "Publié le".
var datelineFillers = lang.Words("dateline_fillers")

// maskOf is the bit of each language with its own lists.
var maskOf = map[string]uint8{"en": lEN, "es": lES, "pt": lPT}

// langMask says which word lists apply to a text in lang. Unknown languages
// get every list: the lists barely collide, and a wrong guess only costs a
// missed or extra mention, never a crash.
func langMask(lang string) uint8 {
	switch lang {
	case "en":
		return lEN
	case "es":
		return lES
	case "pt":
		return lPT
	case "gl", "ca":
		return lES | lPT
	}
	return lAll
}

// cat is a set of roles a word can play.
type cat uint32

const (
	cMonth      cat = 1 << iota // v: 1..12
	cAbbr                       // an abbreviation: may take a dot, needs a number after it
	cWeekday                    // v: time.Weekday
	cCap                        // English month and weekday names count only when capitalised
	cMod                        // this/next/last…, v: modThis, modNext, modLast
	cUnit                       // week/month/year…, v: uDay…
	cRel                        // yesterday/today…, v: offset in days
	cYearCue                    // a word after which a bare four-digit number is a year
	cFunc                       // a function word that may follow a year ("in 2023 the…")
	cOrd                        // ordinal suffix: st, nd, rd, th, º
	cOf                         // of, de, del: between day and month or month and year
	cFuture                     // makes a bare weekday point forward ("will", "scheduled")
	cPast                       // stops the forward look for a future cue ("said")
	cPtDay                      // Portuguese "segunda" etc., a weekday only before "-feira"
	cFeira                      // "feira"
	cAgo                        // ago
	cHace                       // hace (es), há (pt): "hace dos días"
	cNumWord                    // v: 1..12
	cHolidayPre                 // Black (Friday), Super (Tuesday): a name, not a date
	cNameNext                   // (Sunday) Times: a name, not a date
	cNotRel                     // words that make the next "mañana" a morning, "today" a name
	cPl                         // a plural unit: "weeks"
	cCue                        // a dateline cue, v: cuePublished, cueUpdated, cueDate
	cTZ                         // a time-zone word: "1200 GMT" is a time, not a year
	cClause                     // that, que: starts a reported clause, ends the look for a tense
	cModAfter                   // a modifier that follows its noun: "lunes pasado", "año próximo"
	cYearStrong                 // since, desde: a year cue that no count can follow
)

// Dateline cue values.
const (
	cuePublished = iota + 1
	cueUpdated
	cueDate // "Date:", "Fecha:": needs a colon
)

// Modifier values.
const (
	modThis = iota + 1
	modNext
	modLast
)

// Unit values.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uYear
	uNight   // last night
	uMorning // this morning/afternoon/evening
)

// word is a dictionary entry.
type word struct {
	c    cat
	v    int8
	lang uint8
}

var dict = map[string]word{}

func add(c cat, v int, lang uint8, keys ...string) {
	for _, k := range keys {
		w := dict[k]
		w.c |= c
		if c&(cMonth|cWeekday|cMod|cUnit|cRel|cPtDay|cNumWord|cCue) != 0 {
			w.v = int8(v)
		}
		w.lang |= lang
		dict[k] = w
	}
}

func init() {
	// Full month names (CLDR), also without their accents ("marco") and in
	// regional varieties ("setiembre").
	for _, l := range [...]string{"en", "es", "pt"} {
		c := cMonth
		if l == "en" {
			c |= cCap
		}
		for i, w := range lang.MonthNames(l) {
			add(c, i+1, maskOf[l], w, lang.Unaccent(w))
		}
		for w, n := range lang.RegionalMonths(l) {
			add(c, n, maskOf[l], w)
		}
	}
	// Abbreviations count only before a number ("Jan. 31", "Sept 12"), so
	// that "mar" (sea) or "dic" do no harm on their own.
	for _, l := range [...]string{"en", "es", "pt"} {
		for w, n := range lang.Values("month_abbreviations", l) {
			add(cMonth|cAbbr, int(n), maskOf[l], w)
		}
	}

	// Weekdays, indexed as time.Weekday (CLDR numbers Monday 1 to Sunday
	// 7). English ones count only capitalised, its abbreviations only as
	// such; a Portuguese "segunda-feira" is read as its two words.
	fullDay := map[string]bool{}
	for i, w := range lang.WeekdayNames("en") {
		fullDay[w] = true
		add(cWeekday|cCap, (i+1)%7, lEN, w)
	}
	for w, n := range lang.CalendarNames("en", true) {
		if !fullDay[w] {
			add(cWeekday|cCap|cAbbr, n%7, lEN, w)
		}
	}
	for _, l := range [...]string{"es", "pt"} {
		for i, w := range lang.WeekdayNames(l) {
			day, feira, compound := strings.Cut(w, "-")
			if compound {
				add(cPtDay, (i+1)%7, maskOf[l], day, lang.Unaccent(day))
				add(cFeira, 0, maskOf[l], feira)
				continue
			}
			add(cWeekday, (i+1)%7, maskOf[l], w, lang.Unaccent(w))
		}
	}

	for _, l := range [...]string{"en", "es", "pt"} {
		for w, d := range lang.Pairs("date_modifiers", l) {
			add(cMod, modOf[d], maskOf[l], w)
		}
	}
	for _, l := range [...]string{"es", "pt"} {
		add(cModAfter, 0, maskOf[l], lang.Words("date_modifiers_after", l).Entries()...)
	}

	for _, l := range [...]string{"en", "es", "pt"} {
		for w, u := range lang.Pairs("date_units", l) {
			add(cUnit, unitOf[u], maskOf[l], w)
		}
	}

	for _, l := range [...]string{"en", "es", "pt"} {
		add(cPl, 0, lAll, lang.Words("date_unit_plurals", l).Entries()...)
	}

	// ("ca": Catalan pages carry a "publicat" line too)
	for _, l := range [...]string{"en", "es", "pt", "fr", "ca"} {
		for w, c := range lang.Pairs("dateline_cues", l) {
			add(cCue, cueOf[c], lAll, w)
		}
	}

	for _, l := range [...]string{"en", "es", "pt"} {
		for w, v := range lang.Values("relative_days", l) {
			add(cRel, int(v), maskOf[l], w)
		}
	}

	add(cYearCue, 0, lEN, lang.Words("year_cues", "en").Entries()...)
	add(cYearCue, 0, lES, lang.Words("year_cues", "es").Entries()...)
	add(cYearCue, 0, lPT, lang.Words("year_cues", "pt").Entries()...)

	for _, l := range [...]string{"en", "es", "pt"} {
		add(cYearStrong, 0, lAll, lang.Words("strong_year_cues", l).Entries()...)
	}
	for _, l := range [...]string{"en", "es", "pt"} {
		add(cFunc, 0, lAll, lang.Words("after_year_words", l).Entries()...)
	}

	for _, l := range [...]string{"en", "es", "pt"} {
		add(cOrd, 0, lAll, lang.Words("ordinal_suffixes", l).Entries()...)
		add(cOf, 0, maskOf[l], lang.Words("date_of", l).Entries()...)
	}

	add(cFuture, 0, lEN, lang.Words("future_cues", "en").Entries()...)
	add(cFuture, 0, lES, lang.Words("future_cues", "es").Entries()...)
	add(cFuture, 0, lPT, lang.Words("future_cues", "pt").Entries()...)
	add(cPast, 0, lEN, lang.Words("past_cues", "en").Entries()...)
	add(cPast, 0, lES, lang.Words("past_cues", "es").Entries()...)

	add(cAgo, 0, lEN, lang.Words("ago_after", "en").Entries()...)
	add(cHace, 0, lES, lang.Words("ago_before", "es").Entries()...)
	add(cHace, 0, lPT, lang.Words("ago_before", "pt").Entries()...)
	for _, l := range [...]string{"en", "es", "pt"} {
		for w, v := range lang.Values("count_numerals", l) {
			add(cNumWord, int(v), lAll, w)
		}
	}
	// the indefinite article counts one: "a week ago"
	add(cNumWord, 1, lEN, "a")

	for _, l := range [...]string{"en", "es"} {
		add(cTZ, 0, lAll, lang.Words("time_zone_words", l).Entries()...)
	}
	for _, l := range [...]string{"en", "es", "pt"} {
		add(cClause, 0, lAll, lang.Words("reported_clause_openers", l).Entries()...)
	}
	add(cHolidayPre, 0, lEN, lang.Words("holiday_first_words", "en").Entries()...)
	add(cNameNext, 0, lEN, lang.Words("weekday_name_heads", "en").Entries()...)
	add(cNotRel, 0, lAll, lang.Words("not_relative_before", "es").Entries()...)
}
