package server

import (
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
)

// Evidence anchors. Every piece of evidence a page shows links to
// /articles/N#ev-START-END, where N is the article's record ID and
// [START, END) the byte span of its words in the article's text, located
// by view.Locate. The article page finds the same spans in the same story
// report with the same function and gives each an element with that id,
// so the two always agree.

// articleNum reads a report's article ID ("a12") as the record ID.
func articleNum(id string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimPrefix(id, "a"), 10, 64)
	return n, err == nil && n > 0 && strings.HasPrefix(id, "a")
}

// Evidence kinds, in the order their spans claim the article text: when
// two spans cross, the earlier kind keeps its exact extent (see markup).
var evidenceKinds = []string{"conflict", "quote", "fact", "exclusive", "hedge", "loaded", "opinion", "scare", "date", "digest"}

var kindLabels = map[string]string{
	"conflict":  "disputed",
	"quote":     "quote",
	"fact":      "reported by several outlets",
	"exclusive": "reported by one outlet only",
	"hedge":     "hedge",
	"loaded":    "loaded term",
	"opinion":   "opinion",
	"scare":     "scare quote",
	"date":      "timeline",
	"digest":    "digest",
}

// eachEvidence calls fn for every piece of evidence the story page links
// to, with its kind.
func eachEvidence(st *parallax.Story, fn func(kind string, e parallax.Evidence)) {
	for _, c := range st.Conflicts {
		for _, side := range c.Sides {
			for _, e := range side {
				fn("conflict", e)
			}
		}
	}
	for _, q := range st.Quotes {
		kind := "quote"
		if q.Scare {
			kind = "scare"
		}
		fn(kind, quoteEvidence(q))
	}
	for _, sp := range st.Speakers {
		for _, g := range sp.Quotes {
			for _, v := range g.Variants {
				fn("quote", v)
			}
		}
	}
	for i := range st.Facts {
		f := &st.Facts[i]
		kind := "fact"
		if f.Exclusive || len(f.Outlets) == 1 {
			kind = "exclusive"
		}
		for _, e := range f.Evidence {
			fn(kind, e)
		}
	}
	for _, fr := range st.Framing {
		for _, e := range fr.Hedges {
			fn("hedge", e)
		}
		for _, e := range fr.Loaded {
			fn("loaded", e)
		}
		for _, e := range fr.Opinion {
			fn("opinion", e)
		}
	}
	for _, t := range st.Timeline {
		for _, e := range t.Evidence {
			fn("date", e)
		}
	}
	for _, d := range st.Digest {
		for _, e := range d.Evidence {
			fn("digest", e)
		}
	}
}

func quoteEvidence(q parallax.StoryQuote) parallax.Evidence {
	return parallax.Evidence{Article: q.Article, Text: q.Text, Start: q.Start, End: q.End}
}
