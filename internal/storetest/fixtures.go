package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
)

// The fixtures are fictional: invented towns, outlets and people.

// Outlets of the fixtures.
const (
	herald  = "velmora-herald.example"
	courier = "orun-courier.example"
	wire    = "tessar-wire.example"
	zeitung = "lindenau-zeitung.example"
	vestnik = "zarech-vestnik.example"
)

// cet is a zone other than UTC, so that the suite sees times normalised.
var cet = time.FixedZone("CET", 3600)

// day is a date in March 2024 at hour h, in CET; before any test runs, so
// that an undated article (dated by when it was added) sorts after every
// dated one.
func day(d, h int) time.Time { return time.Date(2024, 3, d, h, 0, 0, 0, cet) }

// Hash is the hex SHA-256 of text, as the ingest stage makes Record.Hash.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// record makes a record from a headline and a text, with its own URL, hash,
// raw input and analysis.
func record(outlet, slug string, published time.Time, title, text string) *parallax.Record {
	full := title + "\n\n" + text
	r := &parallax.Record{
		Article: parallax.Article{
			Source:    "https://" + outlet + "/" + slug,
			URL:       "https://" + outlet + "/" + slug,
			Outlet:    outlet,
			Title:     title,
			Author:    "Staff reporter",
			Published: published,
			Language:  "en",
			Text:      full,
			TitleSpan: parallax.Span{Start: 0, End: len(title)},
		},
		Raw:      []byte("<html><head><title>" + title + "</title></head><body><p>" + text + "</p></body></html>"),
		RawType:  "text/html",
		Hash:     Hash(full),
		Analysis: []byte(`{"language":"en","entities":[],"quotes":[],"quantities":[],"dates":[],"signals":[]}`),
	}
	return r
}

// bridge, flood and tram are three fictional stories, told by several
// outlets; german and russian are one article each in other scripts.
func bridge() []*parallax.Record {
	a := record(herald, "2024/03/harbor-bridge-closed", day(4, 9),
		"Harbor bridge in Velmora closed after inspectors find crack",
		"Engineers closed the Velmora harbor bridge on Monday after inspectors found a crack in a support beam. "+
			"Mayor Ilse Drummond said the bridge would stay shut \"until we are certain it is safe\". "+
			"About 14,000 vehicles cross the bridge each day.")
	a.PublishedEvidence = parallax.Span{Start: 70, End: 76} // a span round-trips as given
	b := record(courier, "velmora-bridge-crack", day(4, 15),
		"Velmora shuts its harbor crossing",
		"The city of Velmora shut the harbor crossing on Monday. Officials blamed a crack found during a routine inspection. "+
			"Commuters face detours of up to 40 minutes while the bridge is repaired.")
	c := record(wire, "velmora-bridge-reopening", day(11, 8),
		"Velmora bridge to reopen within weeks, engineers say",
		"Repairs to the cracked beam of the Velmora harbor bridge are ahead of schedule, engineers told the council. "+
			"The bridge could reopen to cars by April.")
	return []*parallax.Record{a, b, c}
}

func flood() []*parallax.Record {
	a := record(courier, "lake-orun-flood", day(18, 7),
		"Lake Orun floods lakeside villages",
		"Heavy rain pushed Lake Orun over its banks overnight, flooding three villages. "+
			"Some 600 residents were moved to a school gym in Kessel. No injuries were reported.")
	b := record(wire, "orun-flood-evacuation", day(18, 12),
		"Hundreds evacuated as Lake Orun rises",
		"Rescue teams evacuated about 650 people from villages on the shore of Lake Orun. "+
			"Forecasters expect more rain on Wednesday, and the water may rise further.")
	return []*parallax.Record{a, b}
}

func tram() []*parallax.Record {
	a := record(wire, "tessar-tram-fares", day(25, 10),
		"Tessar council votes to freeze tram fares",
		"The Tessar city council voted 21 to 9 to freeze tram fares for another year. "+
			"Councillor Ruben Ostrova called the vote a win for commuters.")
	b := record(herald, "tessar-fares-freeze-cost", day(26, 9),
		"What the fare freeze will cost Tessar",
		"The freeze agreed by the council on Monday will cost the city about 3.5 million a year, "+
			"according to its own budget office. Transport planners said the tram network needs new rolling stock.")
	return []*parallax.Record{a, b}
}

func german() *parallax.Record {
	r := record(zeitung, "neue-bruecke", day(20, 6),
		"Neue Brücke über die Lindau eröffnet",
		"Die neue Brücke verbindet Lindenau mit dem Nachbarort Grünfeld. Bürgermeisterin Jördis Kahl sprach von einem großen Tag.")
	r.Language = "de"
	return r
}

func russian() *parallax.Record {
	r := record(vestnik, "novyi-most", day(21, 6),
		"В Заречье открыли новый мост",
		"Новый мост через реку Зарь соединил два района города. Движение открыто с понедельника.")
	r.Language = "ru"
	return r
}

// undated is an article without a publication date, URL or raw input: text
// pasted in.
func undated() *parallax.Record {
	text := "A letter to the editor about the Velmora harbor bridge and its long history of repairs."
	return &parallax.Record{
		Article: parallax.Article{
			Source: "stdin",
			Outlet: "letters",
			Title:  "",
			Text:   text,
		},
		RawType: "text/plain",
		Hash:    Hash(text),
	}
}

// filler makes the i-th of many small distinct articles.
func filler(i int) *parallax.Record {
	return record(courier, fmt.Sprintf("brief/%d", i), day(1+i%28, i%24),
		fmt.Sprintf("Brief number %d", i),
		fmt.Sprintf("Item %d of the morning briefs: %s.", i, strings.Repeat("quiet day ", 1+i%3)))
}
