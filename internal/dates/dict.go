package dates

import "github.com/parallaxnews/parallax/internal/lang"

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
)

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
	en, es, pt := lang.MonthNames("en"), lang.MonthNames("es"), lang.MonthNames("pt")
	for i := range 12 {
		add(cMonth|cCap, i+1, lEN, en[i])
		add(cMonth, i+1, lES, es[i])
		add(cMonth, i+1, lPT, pt[i])
	}
	add(cMonth, 9, lES, "setiembre")
	add(cMonth, 3, lPT, "marco")
	// Abbreviations count only before a number ("Jan. 31", "Sept 12"), so
	// that "mar" (sea) or "dic" do no harm on their own.
	for _, a := range []struct {
		m    int
		lang uint8
		keys []string
	}{
		{1, lEN | lPT, []string{"jan"}}, {1, lES, []string{"ene"}}, {2, lEN | lES, []string{"feb"}},
		{2, lPT, []string{"fev"}}, {3, lAll, []string{"mar"}}, {4, lEN, []string{"apr"}},
		{4, lES | lPT, []string{"abr"}}, {6, lAll, []string{"jun"}}, {7, lAll, []string{"jul"}},
		{8, lEN, []string{"aug"}}, {8, lES | lPT, []string{"ago"}}, {9, lAll, []string{"sep", "sept"}},
		{10, lEN | lES, []string{"oct"}}, {11, lAll, []string{"nov"}}, {12, lEN, []string{"dec"}},
		{12, lES, []string{"dic"}},
	} {
		add(cMonth|cAbbr, a.m, a.lang, a.keys...)
	}

	// Weekdays, indexed as time.Weekday.
	for i, k := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		add(cWeekday|cCap, i, lEN, k)
	}
	for i, ks := range [][]string{{"sun"}, {"mon"}, {"tue", "tues"}, {"wed"}, {"thu", "thur", "thurs"}, {"fri"}, {"sat"}} {
		add(cWeekday|cCap|cAbbr, i, lEN, ks...)
	}
	for i, ks := range [][]string{{"domingo"}, {"lunes"}, {"martes"}, {"miércoles", "miercoles"}, {"jueves"}, {"viernes"}, {"sábado", "sabado"}} {
		add(cWeekday, i, lES, ks...)
	}
	add(cWeekday, 0, lPT, "domingo")
	add(cWeekday, 6, lPT, "sábado", "sabado")
	for i, ks := range [][]string{{"segunda"}, {"terça", "terca"}, {"quarta"}, {"quinta"}, {"sexta"}} {
		add(cPtDay, i+1, lPT, ks...)
	}
	add(cFeira, 0, lPT, "feira")

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

	add(cCue, cuePublished, lAll, "posted", "published", "publicado", "publicada", "publié", "publiée", "publicat")
	add(cCue, cueUpdated, lAll, "updated", "modified", "actualizado", "actualizada", "atualizado", "atualizada")
	add(cCue, cueDate, lAll, "date", "fecha", "dated")

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

	add(cOrd, 0, lAll, "st", "nd", "rd", "th", "º", "ª", "o")
	add(cOf, 0, lEN, "of")
	add(cOf, 0, lES, "de", "del")
	add(cOf, 0, lPT, "de", "do")

	add(cFuture, 0, lEN, lang.Words("future_cues", "en").Entries()...)
	add(cFuture, 0, lES, lang.Words("future_cues", "es").Entries()...)
	add(cFuture, 0, lPT, lang.Words("future_cues", "pt").Entries()...)
	add(cPast, 0, lEN, lang.Words("past_cues", "en").Entries()...)
	add(cPast, 0, lES, lang.Words("past_cues", "es").Entries()...)

	add(cAgo, 0, lEN, "ago")
	add(cHace, 0, lES, "hace")
	add(cHace, 0, lPT, "há")
	for i, ks := range [][]string{
		{"one", "un", "una", "um", "uma"}, {"two", "dos", "dois", "duas"}, {"three", "tres", "três"},
		{"four", "cuatro", "quatro"}, {"five", "cinco"}, {"six", "seis"}, {"seven", "siete", "sete"},
		{"eight", "ocho", "oito"}, {"nine", "nueve", "nove"}, {"ten", "diez", "dez"},
	} {
		add(cNumWord, i+1, lAll, ks...)
	}
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
