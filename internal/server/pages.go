package server

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
)

const homePageSize = 25

type homePage struct {
	base
	Stories    []parallax.StoryInfo
	Offset     int
	NextOffset int // 0 when there is no next page
	PrevOffset int // -1 on the first page
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		s.error(w, r, err)
		return
	}
	list, err := s.store.Stories(r.Context(), parallax.StoryFilter{Limit: homePageSize + 1, Offset: offset})
	if err != nil {
		s.error(w, r, err)
		return
	}
	p := homePage{base: s.base(r, "Stories"), Offset: offset, PrevOffset: -1}
	p.Nav = "stories"
	if len(list) > homePageSize {
		list = list[:homePageSize]
		p.NextOffset = offset + homePageSize
	}
	if offset > 0 {
		p.PrevOffset = max(0, offset-homePageSize)
	}
	p.Stories = list
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
