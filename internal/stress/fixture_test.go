package stress

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

// A fictional story told by two outlets: every kind has a place in the
// first article with a counterpart in the second.
var fixtureTexts = [2]string{
	`Floods force evacuations in Lowmere

Governor Maria Tolliver said on Tuesday that 42 families were evacuated from Lowmere after the Varn River rose overnight. The Regional Water Safety Authority (RWSA) said the 1987 Flood Control Act required the dam to be inspected every year. The mayor recalled a 1994 meeting with the dam's builders at the town hall. Victor Ambrose stole two pumps from the depot, police said. The opening ceremony took place on March 3, 2031, before the rain began. Three people were injured near the old mill, among them a 67-year-old farmer.`,
	`Lowmere empties as the Varn rises

Governor Maria Tolliver ordered 42 families out of their homes as the river climbed. Engineers from the Regional Water Safety Authority (RWSA) and the Western Supply Agency inspected the dam under the 1987 Flood Control Act. Residents remember a 1994 meeting with the dam's builders at the town hall. Victor Ambrose stole two pumps, according to the county sheriff. The opening ceremony took place on March 3, 2031. Three people were injured by falling debris; a 67-year-old farmer was among them.`,
}

func fixtureStory() Story {
	pub := time.Date(2031, 3, 5, 9, 0, 0, 0, time.UTC)
	var s Story
	s.Name = "fixture"
	for i, text := range fixtureTexts {
		s.Articles = append(s.Articles, &parallax.Article{
			ID: []string{"a1", "a2"}[i], Outlet: []string{"northern-herald.example", "southern-post.example"}[i],
			Text: text, Language: "en", Published: pub,
		})
	}
	return s
}

func fixtureCtx(t *testing.T) *storyCtx {
	t.Helper()
	sc := newStoryCtx(fixtureStory())
	sc.pool = orgWords([]*storyCtx{sc})
	return sc
}

// checkInjection asserts the harness's own contract for one injection:
// the perturbed text is the original with exactly the recorded words
// replaced, and the counterparts are words of other outlets' articles.
func checkInjection(t *testing.T, s Story, inj Injection) {
	t.Helper()
	var orig *parallax.Article
	outlet := map[string]string{}
	text := map[string]string{}
	for _, a := range s.Articles {
		outlet[a.ID], text[a.ID] = a.Outlet, a.Text
		if a.ID == inj.Article {
			orig = a
		}
	}
	if orig == nil {
		t.Fatalf("%s: injected into unknown article %q", inj.Kind, inj.Article)
	}
	o, p := orig.Text, inj.Text
	// the edits, in text order, account for every difference
	at, d := 0, 0
	for _, e := range sortedEdits(inj.Edits()) {
		if e.Orig.Start < at || o[at:e.Orig.Start] != p[at+d:e.Span.Start] || e.Orig.Start+d != e.Span.Start {
			t.Errorf("%s: texts differ before the recorded span %v", inj.Kind, e.Span)
			return
		}
		if e.Orig.Of(o) != e.Before || e.Span.Of(p) != e.After {
			t.Errorf("%s: recorded %q → %q, texts hold %q → %q", inj.Kind, e.Before, e.After, e.Orig.Of(o), e.Span.Of(p))
		}
		at, d = e.Orig.End, e.Span.End-e.Orig.End
	}
	if o[at:] != p[at+d:] {
		t.Errorf("%s: texts differ after the last recorded span", inj.Kind)
	}
	if inj.Before == inj.After || inj.Span.Len() == 0 {
		t.Errorf("%s: no change recorded: %q → %q", inj.Kind, inj.Before, inj.After)
	}
	if len(inj.Counterparts) == 0 {
		t.Errorf("%s: no counterpart", inj.Kind)
	}
	for _, r := range inj.Counterparts {
		if r.Outlet == inj.Outlet || outlet[r.Article] != r.Outlet {
			t.Errorf("%s: counterpart in %s (%s), injected into %s", inj.Kind, r.Article, r.Outlet, inj.Outlet)
		}
		if r.Span.Of(text[r.Article]) != r.Text || r.Text == "" {
			t.Errorf("%s: counterpart %q is not the text at %v", inj.Kind, r.Text, r.Span)
		}
	}
}

func TestInjectorsOnFixture(t *testing.T) {
	s := fixtureStory()
	sc := fixtureCtx(t)
	// what each kind must change in the first article, and a counterpart
	// it must find in the second
	want := map[string]struct{ before, counterpart string }{
		KindNumber:   {"42", "42 families"},
		KindDate:     {"", "March 3, 2031"},
		KindOffice:   {"Governor", "Governor Maria Tolliver"},
		KindAcronym:  {"", "Regional Water Safety Authority (RWSA)"},
		KindLawYear:  {"1987", "1987 Flood Control Act"},
		KindModality: {"stole", "Victor Ambrose stole"},
		KindNegation: {"", ""},
	}
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			injs := sc.inject(kind, rand.New(rand.NewPCG(7, 7)), 20)
			var inA1 []Injection
			for _, inj := range injs {
				checkInjection(t, s, inj)
				if inj.Article == "a1" {
					inA1 = append(inA1, inj)
				}
				t.Logf("%s %s: %q → %q; counterpart %q", kind, inj.Article, inj.Before, inj.After, inj.Counterparts[0].Text)
			}
			if len(inA1) == 0 {
				t.Fatalf("no %s injection in the first article", kind)
			}
			w := want[kind]
			ok := false
			for _, inj := range inA1 {
				if (w.before == "" || inj.Before == w.before) && (w.counterpart == "" || inj.Counterparts[0].Text == w.counterpart) {
					ok = true
				}
				checkKind(t, kind, inj)
			}
			if !ok {
				t.Errorf("no injection changes %q with counterpart %q", w.before, w.counterpart)
			}
		})
	}
}

func sortedEdits(es []Edit) []Edit {
	sort.Slice(es, func(i, j int) bool { return es[i].Orig.Start < es[j].Orig.Start })
	return es
}

// A thing an article tells twice — an act, an event, a title before one
// person, an acronym's expansion — is changed at both places, so that the
// outlet tells it one way throughout and disputes only other outlets.
func TestRestated(t *testing.T) {
	for _, c := range []struct {
		kind, extra, near string // near: a word just before or in the candidate's span
		find              func(*storyCtx) []candidate
	}{
		{"modality", " Later that night Victor Ambrose stole two more pumps from the yard.", "", (*storyCtx).modalities},
		{"negation", " The opening ceremony took place in the rain, the mayor said.", "ceremony", (*storyCtx).negations},
		{"office", " Governor Maria Tolliver visited the shelter in the evening.", "", (*storyCtx).offices},
		{"acronym", " The Regional Water Safety Authority (RWSA) will report on Friday.", "", (*storyCtx).acronyms},
	} {
		s := fixtureStory()
		s.Articles[0].Text += c.extra
		text := s.Articles[0].Text
		sc := newStoryCtx(s)
		sc.pool = orgWords([]*storyCtx{sc})
		n := 0
		for _, cand := range c.find(sc) {
			if cand.art != 0 || len(cand.counter) == 0 || !strings.Contains(text[max(0, cand.span.Start-20):cand.span.End], c.near) {
				continue
			}
			n++
			if len(cand.again) != 1 {
				t.Errorf("%s: candidate %q restates %d places, want 1", c.kind, cand.span.Of(text), len(cand.again))
			}
		}
		if n == 0 {
			t.Errorf("%s: no candidate in the first article", c.kind)
		}
	}
}
