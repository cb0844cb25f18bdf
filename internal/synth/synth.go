// Package synth writes fictional news coverage for benchmarks and tests:
// many events, each told by several outlets in varied words, with names,
// places, figures, dates, quotes and hedges, so that every stage of the
// pipeline has real work to do. Output is deterministic for a seed.
package synth

import (
	"fmt"
	"iter"
	"math/rand"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
)

// Options shape a corpus.
type Options struct {
	Articles int   // total number of articles
	PerEvent int   // articles per event (0: 5)
	Seed     int64 // random seed
	// Start is the date of the first event; events follow a few hours apart.
	Start time.Time
}

var (
	syllables = []string{"ka", "lo", "mer", "da", "vin", "tor", "sa", "bel", "ri", "no", "gan", "ves", "ul", "ha", "mon",
		"tre", "pa", "lin", "co", "dor", "fe", "run", "wes", "ter", "ba", "quin", "zel", "ar", "mi", "sol"}
	firstNames = []string{"Elena", "Tomas", "Ruth", "Daniel", "Priya", "Marguerite", "Ana", "Colm", "Marta", "Ruben",
		"Helena", "Tobias", "Ines", "Jonas", "Farah", "Kofi", "Lena", "Mateo", "Noor", "Oskar"}
	kinds = []struct{ what, verb, people, place string }{
		{"fire", "broke out at", "injured", "warehouse"},
		{"flood", "swept through", "displaced", "district"},
		{"bridge collapse", "struck", "killed", "river crossing"},
		{"strike", "halted work at", "affected", "port"},
		{"power cut", "left without power", "affected", "suburb"},
		{"train derailment", "happened near", "injured", "junction"},
	}
	outlets = []string{"harbor-gazette.example", "coastline-courier.example", "evening-clarion.example",
		"meridian-wire.example", "bayline-radio.example", "northern-post.example", "valley-times.example",
		"capital-ledger.example"}
	numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)

func name(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.Intn(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

type event struct {
	town, person, official, org, acr, place string
	kind                                    int
	count, budget                           int
	day                                     time.Time
}

func newEvent(r *rand.Rand, day time.Time) event {
	org := name(r, 2) + " " + []string{"Safety Board", "Port Authority", "Transit Agency", "Water Company"}[r.Intn(4)]
	acr := ""
	for _, w := range strings.Fields(org) {
		acr += w[:1]
	}
	return event{
		town:     name(r, 3),
		person:   firstNames[r.Intn(len(firstNames))] + " " + name(r, 2),
		official: firstNames[r.Intn(len(firstNames))] + " " + name(r, 3),
		org:      org, acr: acr,
		place:  name(r, 2) + " Street",
		kind:   r.Intn(len(kinds)),
		count:  3 + r.Intn(200),
		budget: 1 + r.Intn(40),
		day:    day,
	}
}

// Corpus returns the articles, IDs a1, a2, … in order.
func Corpus(opt Options) []*parallax.Article {
	var out []*parallax.Article
	for a := range Stream(opt) {
		out = append(out, a)
	}
	return out
}

// Stream yields the articles Corpus returns, one at a time, so that a
// benchmark of a million articles need not hold their text.
func Stream(opt Options) iter.Seq[*parallax.Article] {
	return func(yield func(*parallax.Article) bool) {
		if opt.PerEvent <= 0 {
			opt.PerEvent = 5
		}
		if opt.Start.IsZero() {
			opt.Start = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
		}
		r := rand.New(rand.NewSource(opt.Seed))
		var ev event
		for i := 0; i < opt.Articles; i++ {
			if i%opt.PerEvent == 0 {
				ev = newEvent(r, opt.Start.Add(time.Duration(i/opt.PerEvent)*3*time.Hour))
			}
			outlet := outlets[(i%opt.PerEvent+r.Intn(2))%len(outlets)]
			text, title := write(r, ev, i%opt.PerEvent)
			a := &parallax.Article{
				ID: fmt.Sprintf("a%d", i+1), Source: fmt.Sprintf("https://%s/%d", outlet, i+1),
				URL: fmt.Sprintf("https://%s/%d", outlet, i+1), Outlet: outlet, Title: title, Language: "en",
				Published: ev.day.Add(time.Duration(r.Intn(20)) * time.Hour), Text: text,
				TitleSpan: parallax.Span{Start: 0, End: len(title)},
			}
			if !yield(a) {
				return
			}
		}
	}
}

// write tells the event in one outlet's words: the same facts, other
// sentences, a figure written as digits or words, sometimes hedged.
func write(r *rand.Rand, ev event, variant int) (text, title string) {
	k := kinds[ev.kind]
	count := fmt.Sprint(ev.count)
	if ev.count < len(numberWords) && variant%2 == 1 {
		count = numberWords[ev.count]
	}
	if variant == 2 {
		count = fmt.Sprintf("more than %d", ev.count/10*10)
	}
	suspect := "the man who caused it"
	if variant%2 == 1 {
		suspect = "the alleged culprit"
	}
	date := ev.day.Format("January 2, 2006")
	if variant%3 == 1 {
		date = "on " + ev.day.Weekday().String()
	}
	title = fmt.Sprintf("%s %s %s in %s", strings.Title(k.what), []string{"hits", "strikes", "disrupts"}[variant%3], k.place, ev.town)
	paras := []string{
		title,
		fmt.Sprintf("A %s %s a %s in %s %s, officials said. It %s %s people, according to the %s (%s).",
			k.what, k.verb, k.place, ev.town, date, k.people, count, ev.org, ev.acr),
		fmt.Sprintf("“We are doing everything we can to help the families,” said %s, the mayor of %s. “The work starts tonight.”", ev.official, ev.town),
		fmt.Sprintf("Police questioned %s, %s, near %s. %s said the %s would review safety rules.", ev.person, suspect, ev.place, ev.acr, ev.org),
		fmt.Sprintf("Repairs are expected to cost $%d million, the %s estimated. Residents of %s described a long night.", ev.budget, ev.acr, ev.town),
		fmt.Sprintf("%s told reporters that the response had been quick. “Nobody expected this,” she added.", strings.Fields(ev.official)[0]+" "+strings.Fields(ev.official)[1]),
	}
	if variant%2 == 0 {
		paras = append(paras, fmt.Sprintf("Critics said the %s had ignored earlier warnings about the %s.", ev.org, k.place))
	}
	// background paragraphs, drawn in a different order by each outlet
	extra := []string{
		fmt.Sprintf("The %s in %s was built %d years ago and last inspected in %s, records show.", k.place, ev.town, 10+ev.count%40, ev.day.AddDate(0, -3-ev.count%9, 0).Format("January 2006")),
		fmt.Sprintf("Emergency crews from %s and two neighbouring towns worked through the night, and %d volunteers joined them by morning.", ev.town, 20+ev.count%60),
		fmt.Sprintf("%s, a shop owner on %s, said she heard a loud noise shortly after %d p.m. “It shook the windows,” she said.", firstNames[(ev.count+3)%len(firstNames)]+" "+name(r, 2), ev.place, 1+ev.count%11),
		fmt.Sprintf("The regional government has promised an inquiry, and the %s said its report would be published within %d weeks.", ev.org, 2+ev.count%6),
		fmt.Sprintf("Insurance claims could reach %d million dollars, according to an estimate by the %s chamber of commerce.", ev.budget*2, ev.town),
		fmt.Sprintf("Local schools stayed closed on %s, and buses were diverted around %s until further notice.", ev.day.AddDate(0, 0, 1).Weekday(), ev.place),
		fmt.Sprintf("It was the worst %s in the region since %d, when a similar incident %s dozens of people.", k.what, 1990+ev.count%30, k.people),
		fmt.Sprintf("Officials urged residents to avoid the area. “Please stay away and let the crews work,” the %s said in a statement.", ev.acr),
	}
	r.Shuffle(len(extra), func(i, j int) { extra[i], extra[j] = extra[j], extra[i] })
	paras = append(paras, extra[:5+variant%4]...)
	return strings.Join(paras, "\n"), title
}
