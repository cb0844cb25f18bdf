package server

import (
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

const homePageSize = 25

// homeCandidates is how many of the most recently compared stories the
// home page ranks: ranking reads listings only, never reports, so this
// bounds its cost in a library of any size.
const homeCandidates = 1000

// Rank orders the stories that matter now first. The score is
//
//	outlets + 3 × min(conflicts, 5) + 10 × 2^(−age / 2 days)
//
// where age is the time from the story's newest known publication date
// (or, with none known, its last comparison) to now: one point for each
// outlet that covers it, three for each conflict up to five, and up to
// ten for being new, halving every two days. A story that twenty outlets
// cover with three conflicts outranks a fresh one-outlet item; among
// stories of equal reach the newer comes first.
func Rank(stories []parallax.StoryInfo, now time.Time) []parallax.StoryInfo {
	out := append([]parallax.StoryInfo(nil), stories...)
	score := make(map[int64]float64, len(out))
	for _, st := range out {
		score[st.ID] = StoryScore(st, now)
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := score[out[i].ID], score[out[j].ID]
		if si != sj {
			return si > sj
		}
		return out[i].ID > out[j].ID
	})
	return out
}

// StoryScore is a story's rank score (see Rank).
func StoryScore(st parallax.StoryInfo, now time.Time) float64 {
	t := st.Last
	if t.IsZero() {
		t = st.Updated
	}
	fresh := 0.0
	if !t.IsZero() {
		age := max(0, now.Sub(t).Hours()/24)
		fresh = 10 * math.Pow(2, -age/2)
	}
	return float64(st.Outlets) + 3*float64(min(st.Conflicts, 5)) + fresh
}

type homePage struct {
	base
	Stories    []homeRow
	Singles    []homeRow // single articles: not yet matched with other outlets
	MoreSingle int       // single articles not listed
	Filter     homeFilter
	Filtered   bool
	Offset     int
	NextOffset int // 0 when there is no next page
	PrevOffset int // -1 on the first page
	Now        time.Time
}

type homeFilter struct {
	Q         string
	Outlet    string
	Conflicts bool
}

// Page is the link to the page of the list that starts at offset, with
// the same filter.
func (f homeFilter) Page(offset int) string {
	q := f.query()
	if offset > 0 {
		if q != "" {
			q += "&"
		}
		q += "offset=" + strconv.Itoa(offset)
	}
	if q == "" {
		return "/"
	}
	return "/?" + q
}

// query is the filter as URL parameters.
func (f homeFilter) query() string {
	v := url.Values{}
	if f.Q != "" {
		v.Set("q", f.Q)
	}
	if f.Outlet != "" {
		v.Set("outlet", f.Outlet)
	}
	if f.Conflicts {
		v.Set("conflicts", "1")
	}
	return v.Encode()
}

type homeRow struct {
	parallax.StoryInfo
	Score float64
}

// Heading is the row's title, cleaned of leaked date stamps.
func (r homeRow) Heading() string { return view.CleanTitle(r.Title) }

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		s.error(w, r, err)
		return
	}
	q := r.URL.Query()
	f := homeFilter{Q: strings.TrimSpace(q.Get("q")), Outlet: strings.TrimSpace(q.Get("outlet"))}
	switch q.Get("conflicts") {
	case "", "0", "off", "false":
	default:
		f.Conflicts = true
	}
	if len(f.Q) > 500 || len(f.Outlet) > 500 {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "the filter is too long (at most 500 characters)"))
		return
	}
	list, err := s.store.Stories(r.Context(), parallax.StoryFilter{Query: f.Q, Outlet: f.Outlet, Limit: homeCandidates})
	if err != nil {
		s.error(w, r, err)
		return
	}
	now := s.now()
	p := homePage{base: s.base(r, "Stories"), Offset: offset, PrevOffset: -1, Filter: f, Now: now,
		Filtered: f.Q != "" || f.Outlet != "" || f.Conflicts}
	p.Nav = "stories"
	p.Feed = "/feeds/events.atom"
	if f.Q != "" {
		p.Feed = "/feeds/search.atom?q=" + url.QueryEscape(f.Q)
	}
	var matched []parallax.StoryInfo
	for _, st := range list {
		if st.Outlets < 2 {
			if !f.Conflicts {
				if len(p.Singles) < homePageSize {
					p.Singles = append(p.Singles, homeRow{StoryInfo: st})
				} else {
					p.MoreSingle++
				}
			}
			continue
		}
		if f.Conflicts && st.Conflicts == 0 {
			continue
		}
		matched = append(matched, st)
	}
	ranked := Rank(matched, now)
	if offset < len(ranked) {
		ranked = ranked[offset:]
	} else {
		ranked = nil
	}
	if len(ranked) > homePageSize {
		ranked = ranked[:homePageSize]
		p.NextOffset = offset + homePageSize
	}
	if offset > 0 {
		p.PrevOffset = max(0, offset-homePageSize)
	}
	for _, st := range ranked {
		p.Stories = append(p.Stories, homeRow{StoryInfo: st, Score: StoryScore(st, now)})
	}
	if offset > 0 {
		p.Singles, p.MoreSingle = nil, 0
	}
	s.render(w, r, http.StatusOK, "home", p)
}

const searchPageSize = 50

type searchPage struct {
	base
	Hits     []parallax.ArticleHit
	Problem  string
	Searched bool
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := searchPage{base: s.base(r, "Search")}
	p.Query = q
	p.Nav = "search"
	if q == "" {
		s.render(w, r, http.StatusOK, "search", p)
		return
	}
	if len(q) > 500 {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "the query is too long (at most 500 characters)"))
		return
	}
	p.Title = "Search: " + clip(q, 60)
	p.Searched = true
	p.Feed = "/feeds/search.atom?q=" + url.QueryEscape(q)
	hits, err := s.store.Search(r.Context(), q, searchPageSize)
	if err != nil {
		if parallax.ErrorCode(err) == parallax.EINVALID {
			p.Problem = parallax.ErrorMessage(err)
			s.render(w, r, http.StatusBadRequest, "search", p)
			return
		}
		s.error(w, r, err)
		return
	}
	p.Hits = hits
	s.render(w, r, http.StatusOK, "search", p)
}

type errorPage struct {
	base
	Status  int
	Code    string
	Message string
}

// intParam reads an optional integer query parameter within [lo, hi].
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, parallax.Errorf(parallax.EINVALID, "%s=%q: want a whole number from %d to %d", name, clip(v, 20), lo, hi)
	}
	return n, nil
}

// parseSince reads a date (2006-01-02), a time (RFC 3339) or a duration
// back from now (48h, 7d).
func parseSince(v string, now time.Time) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if strings.HasSuffix(v, "d") {
		if n, err := strconv.Atoi(strings.TrimSuffix(v, "d")); err == nil && n >= 0 && n < 100000 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(v); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, parallax.Errorf(parallax.EINVALID, "since=%q: want a date like 2026-03-01, a time in RFC 3339, or a duration like 48h or 7d", clip(v, 40))
}
