package view

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

func TestLocate(t *testing.T) {
	text := "Über 14 Menschen wurden verletzt. 14 again."
	cases := []struct {
		e          parallax.Evidence
		start, end int
		ok         bool
	}{
		{parallax.Evidence{Text: "14 Menschen", Start: 6, End: 17}, 6, 17, true},
		{parallax.Evidence{Text: "14 Menschen", Start: 0, End: 5}, 6, 17, true}, // offsets wrong: found by its words
		{parallax.Evidence{Text: "", Start: 6, End: 8}, 6, 8, true},
		{parallax.Evidence{Text: "", Start: 1, End: 3}, 0, 0, false}, // inside "Ü"
		{parallax.Evidence{Text: "nowhere", Start: 0, End: 7}, 0, 0, false},
		{parallax.Evidence{Text: "x", Start: 40, End: 99}, 0, 0, false},
	}
	for _, c := range cases {
		s, e, ok := Locate(text, c.e)
		if s != c.start || e != c.end || ok != c.ok {
			t.Errorf("locate(%+v) = %d, %d, %v", c.e, s, e, ok)
		}
	}
}

func TestSentenceAroundWholeSentence(t *testing.T) {
	text := "First one. The mayor said 14 were hurt, officials said. Last."
	i := strings.Index(text, "14 were hurt")
	before, after := SentenceAround(text, i, i+len("14 were hurt"), 300)
	if before != "The mayor said " || after != ", officials said." {
		t.Errorf("sentenceAround: %q / %q", before, after)
	}
	i = strings.Index(text, "First one.")
	before, after = SentenceAround(text, i, i+len("First one."), 300)
	if before != "" || after != "" {
		t.Errorf("a whole sentence: %q / %q", before, after)
	}
}

func TestTitle(t *testing.T) {
	cases := []struct {
		name   string
		story  string
		titles []string
		want   string
	}{
		{"compare's headline kept", "Ferry fire injures 14 in Westerhaven", []string{"Other words entirely here"}, "Ferry fire injures 14 in Westerhaven"},
		{"page furniture skipped", "Introduction", []string{"Introduction", "Ferry fire injures 14 at Pier 4"}, "Ferry fire injures 14 at Pier 4"},
		{"a date is no headline", "2026-03-03", []string{"2026-03-03", "Ferry fire at Pier 4"}, "Ferry fire at Pier 4"},
		{"a leaked date stamp dropped", "date 2023-07-24 Seattle residents made history", nil, "Seattle residents made history"},
		{"mostly digits", "12 34 56 78 ab", []string{"Ferry fire at Pier 4"}, "Ferry fire at Pier 4"},
		{"the most typical headline", "", []string{"Ferry blaze shocks harbour town", "Ferry fire at Pier 4 injures 14", "Fourteen injured in ferry fire at Pier 4"}, "Ferry fire at Pier 4 injures 14"},
		{"nothing better: what there is", "Live updates", []string{"Live updates"}, "Live updates"},
	}
	for _, c := range cases {
		st := &parallax.Story{Title: c.story}
		for i, tt := range c.titles {
			st.Articles = append(st.Articles, parallax.ArticleInfo{ID: "a" + string(rune('1'+i)), Title: tt})
		}
		if got := Title(st); got != c.want {
			t.Errorf("%s: Title = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestIsJunkTitle(t *testing.T) {
	for s, want := range map[string]bool{
		"Introduction": true, "Live updates": true, "2024-03-27": true, "": true, "12:45 03/04 2026": true,
		"Wimbledon finals are epic": false, "Habemus Papam: Leo XIV": false, "Baltimore bridge collapse: what we know": false,
	} {
		if got := IsJunkTitle(s); got != want {
			t.Errorf("IsJunkTitle(%q) = %v, want %v", s, got, want)
		}
	}
}

// story makes a story of n outlets, facts reported by a decreasing number
// of them, and conflicts of two sides.
func story(outlets, facts, conflicts int) *parallax.Story {
	st := &parallax.Story{ID: "s1"}
	text := "One sentence here. Another sentence there."
	texts := map[string]string{}
	for i := range outlets {
		id := "a" + string(rune('A'+i))
		st.Articles = append(st.Articles, parallax.ArticleInfo{ID: id, Outlet: "outlet" + string(rune('A'+i))})
		texts[id] = text
	}
	for i := range facts {
		f := parallax.Fact{ID: "f" + string(rune('a'+i)), Summary: "fact " + string(rune('a'+i)), Kind: "event"}
		for j := 0; j < max(1, outlets-i); j++ {
			f.Outlets = append(f.Outlets, st.Articles[j].Outlet)
			f.Evidence = append(f.Evidence, parallax.Evidence{Article: st.Articles[j].ID, Text: "One sentence here.", Start: 0, End: 18})
		}
		st.Facts = append(st.Facts, f)
	}
	for i := range conflicts {
		st.Conflicts = append(st.Conflicts, parallax.Conflict{Kind: "quantity", Subject: "thing " + string(rune('a'+i)),
			Summary: `"1" vs "2"`, Sides: [][]parallax.Evidence{
				{{Article: st.Articles[0].ID, Text: "Another sentence there.", Start: 19, End: 42}},
				{{Article: st.Articles[1].ID, Text: "Another sentence there.", Start: 19, End: 42}},
			}})
	}
	return st
}

func TestSummary(t *testing.T) {
	for _, c := range []struct{ facts, conflicts, agreed, disputed int }{
		{0, 0, 0, 0}, {3, 0, 3, 0}, {11, 0, 8, 0}, {11, 2, 6, 2}, {11, 9, 4, 4}, {2, 9, 2, 6}, {0, 12, 0, 8},
	} {
		v := Build(story(12, c.facts, c.conflicts), Options{})
		if len(v.Summary.Agreed) != c.agreed || len(v.Summary.Disputed) != c.disputed {
			t.Errorf("%d facts, %d conflicts: %d agreed + %d disputed lines, want %d + %d",
				c.facts, c.conflicts, len(v.Summary.Agreed), len(v.Summary.Disputed), c.agreed, c.disputed)
		}
		for i, l := range v.Summary.Agreed {
			if i > 0 && l.Outlets > v.Summary.Agreed[i-1].Outlets {
				t.Errorf("agreed lines not ranked by outlets: %d after %d", l.Outlets, v.Summary.Agreed[i-1].Outlets)
			}
			if l.Of != 12 || l.Anchor == "" {
				t.Errorf("agreed line %+v: want of 12 and an anchor", l)
			}
		}
		for _, l := range v.Summary.Disputed {
			if len(l.Sides) != 2 || l.Anchor == "" || l.Kind != "quantity" {
				t.Errorf("disputed line %+v: want two sides, an anchor, a kind", l)
			}
		}
	}
}

func TestEvidenceLinksAndExclusivesOnce(t *testing.T) {
	st := story(3, 4, 1)
	texts := map[string]string{}
	for _, a := range st.Articles {
		texts[a.ID] = "One sentence here. Another sentence there."
	}
	var kinds []string
	v := Build(st, Options{Texts: texts, EvidenceHref: func(kind, id string, s, e int) string {
		kinds = append(kinds, kind)
		return "#" + id + "-" + string(rune('0'+s%10))
	}})
	if len(v.Matrix) != 2 || len(v.Exclusives) != 1 || len(v.Exclusives[0].Facts) != 2 {
		t.Fatalf("matrix %d rows, exclusives %+v: want 2 shared facts and one article with 2 exclusives", len(v.Matrix), v.Exclusives)
	}
	for _, l := range append(v.Summary.Agreed, v.Summary.Disputed...) {
		if l.Href == "" {
			t.Errorf("summary line %q has no link to its evidence", l.Text)
		}
	}
	for _, c := range v.Matrix[0].Cells {
		if c.State != "reported" || c.Href == "" {
			t.Errorf("cell %+v: want reported with a link", c)
		}
	}
	if !strings.Contains(strings.Join(kinds, " "), KindExclusive) || !strings.Contains(strings.Join(kinds, " "), KindConflict) {
		t.Errorf("evidence kinds passed: %v", kinds)
	}
}

func TestConflictKeyAndReviews(t *testing.T) {
	st := story(3, 0, 2)
	k0, k1 := st.Conflicts[0].Key(), st.Conflicts[1].Key()
	if k0 == k1 {
		t.Fatalf("two conflicts share the key %q", k0)
	}
	// The story grows: another outlet joins a side; the key stays.
	grown := st.Conflicts[0]
	grown.Sides = [][]parallax.Evidence{append(append([]parallax.Evidence{}, grown.Sides[0]...), parallax.Evidence{Article: "aC", Text: "x"}), grown.Sides[1]}
	if grown.Key() != k0 {
		t.Errorf("the key changed when a side grew: %q → %q", k0, grown.Key())
	}
	reviews := []parallax.Review{{Key: k1, Verdict: parallax.NotConflict, By: "ana"}}
	v := Build(st, Options{Reviews: reviews})
	if v.Conflicts[1].Review == nil || v.Conflicts[0].Review != nil {
		t.Fatalf("the review went to the wrong conflict: %+v", v.Conflicts)
	}
	if len(v.Summary.Disputed) != 1 || v.Summary.Disputed[0].Anchor != v.Conflicts[0].Anchor {
		t.Errorf("a conflict marked not a conflict stays in the summary: %+v", v.Summary.Disputed)
	}
	// The order changed on recompare: the review follows its conflict, not its index.
	st.Conflicts[0], st.Conflicts[1] = st.Conflicts[1], st.Conflicts[0]
	v = Build(st, Options{Reviews: reviews})
	if v.Conflicts[0].Review == nil || v.Conflicts[0].Subject != "thing b" {
		t.Errorf("after reordering, the review is on %+v", v.Conflicts)
	}
	// The sides' words changed, kind and subject did not: the review follows.
	st.Conflicts[0].Summary = `"1" vs "3"`
	v = Build(st, Options{Reviews: reviews})
	if v.Conflicts[0].Review == nil {
		t.Error("a review is lost when only the values quoted changed")
	}
}

type dir map[string]parallax.OutletInfo

func (d dir) Lookup(o string) (parallax.OutletInfo, bool) { in, ok := d[o]; return in, ok }
func (d dir) Values(dim string) int {
	seen := map[string]bool{}
	for _, in := range d {
		switch dim {
		case "country":
			seen[in.Country] = true
		default:
			seen[in.Labels[dim]] = true
		}
	}
	return len(seen)
}

func TestCoverage(t *testing.T) {
	st := story(3, 1, 0)
	d := dir{
		"outletA": {Domain: "outletA", Name: "Outlet A", Country: "GB", Labels: map[string]string{"lean": "left"}},
		"outletB": {Domain: "outletB", Name: "Outlet B", Country: "GB", Labels: map[string]string{"lean": "right"}},
		"other":   {Domain: "other", Country: "US"},
	}
	v := Build(st, Options{Directory: d})
	if len(v.Coverage) != 2 || v.Coverage[0].Name != "country" || v.Coverage[0].Segments[0].Articles != 2 || v.Coverage[0].Unknown != 1 {
		t.Fatalf("coverage: %+v", v.Coverage)
	}
	if len(v.OnlyBy) != 1 || v.OnlyBy[0] != "Covered only by outlets in GB" {
		t.Errorf("OnlyBy = %q", v.OnlyBy)
	}
	if v.Outlets[0].Label != "Outlet A" || v.Matrix[0].Outlets[0] != "Outlet A" {
		t.Errorf("display names not used: %+v", v.Outlets)
	}
}

func TestTitleFromDigest(t *testing.T) {
	st := &parallax.Story{Title: "Introduction", Articles: []parallax.ArticleInfo{{ID: "a1", Title: "Introduction"}, {ID: "a2", Title: "Home"}},
		Digest: []parallax.DigestLine{{Text: "A ferry caught fire at Pier 4 on Tuesday morning."}}}
	if got := Title(st); got != "A ferry caught fire at Pier 4 on Tuesday morning." {
		t.Errorf("Title = %q, want the digest's first line", got)
	}
}

// An updated figure is shown as such, and is no disputed line.
func TestUpdatedNotDisputed(t *testing.T) {
	st := story(4, 0, 2)
	st.Conflicts[1].Label = parallax.LabelUpdated
	v := Build(st, Options{})
	if v.Conflicts[1].Label != "figure updated" || v.Conflicts[0].Label != "figures differ" {
		t.Errorf("labels %q, %q", v.Conflicts[0].Label, v.Conflicts[1].Label)
	}
	if len(v.Summary.Disputed) != 1 || v.Summary.Disputed[0].Anchor != v.Conflicts[0].Anchor {
		t.Errorf("disputed lines %+v: want only the first conflict", v.Summary.Disputed)
	}
}

// A figure fact whose values are bare numbers is shown in the summary by the
// words that state it; one with a noun keeps its values.
func TestSummaryBareFigure(t *testing.T) {
	st := story(3, 0, 0)
	for i, sum := range []string{"41 (outletA, outletB) · 41 años (outletC)", "12 boats (outletA, outletB)"} {
		f := parallax.Fact{ID: "q" + string(rune('a'+i)), Summary: sum, Kind: "quantity", Outlets: []string{"outletA", "outletB"}}
		for j := range 2 {
			f.Evidence = append(f.Evidence, parallax.Evidence{Article: st.Articles[j].ID, Text: "One sentence here.", Start: 0, End: 18})
		}
		st.Facts = append(st.Facts, f)
	}
	v := Build(st, Options{})
	var got []string
	for _, l := range v.Summary.Agreed {
		got = append(got, l.Text)
	}
	if want := []string{"One sentence here.", "12 boats (outletA, outletB)"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("summary lines %q, want %q", got, want)
	}
	for s, want := range map[string]bool{"41 (x) · 41 años (y)": true, "1.5 (x)": true, "12 boats (x)": false, "$5m (x)": false, "": false} {
		if got := bareFigure(s); got != want {
			t.Errorf("bareFigure(%q) = %v, want %v", s, got, want)
		}
	}
}

// A leading metadata stamp goes whatever dateline cue labels it.
func TestCleanTitleStamp(t *testing.T) {
	cases := map[string]string{
		"Posted on 2024-05-01 Harbour bridge reopens after repairs": "Harbour bridge reopens after repairs",
		"updated: 2024-05-01T10:00Z — Harbour bridge reopens":       "Harbour bridge reopens",
		"Modified 2024-05-01 Harbour bridge reopens":                "Harbour bridge reopens",
		"Dated 2024-05 | Harbour bridge reopens":                    "Harbour bridge reopens",
		"Datebook 2024-05-01 Harbour bridge reopens":                "Datebook 2024-05-01 Harbour bridge reopens",
	}
	for in, want := range cases {
		if got := CleanTitle(in); got != want {
			t.Errorf("CleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
