package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// storyData is a story as stored: its listing, its last report (nil before
// the first comparison) and its articles.
type storyData struct {
	info parallax.StoryInfo
	raw  []byte
	rep  *parallax.Report
	st   *parallax.Story // the report's story; nil when there is none
	recs []*parallax.Record
}

// loadReport reads a story's listing and report.
func (s *Server) loadReport(ctx context.Context, id int64) (*storyData, error) {
	info, raw, err := s.store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	return decodeStory(info, raw)
}

func decodeStory(info parallax.StoryInfo, raw []byte) (*storyData, error) {
	d := &storyData{info: info, raw: raw}
	if len(raw) > 0 {
		var rep parallax.Report
		if err := json.Unmarshal(raw, &rep); err != nil {
			return nil, fmt.Errorf("story s%d: stored report unreadable: %w", info.ID, err)
		}
		d.rep = &rep
		if len(rep.Stories) > 0 {
			d.st = &rep.Stories[0]
		}
	}
	return d, nil
}

type storyPage struct {
	base
	ID       int64
	Info     parallax.StoryInfo
	Reported bool // the story has a comparison
	V        *view.Story
	// Articles lists a story not compared yet, from its records.
	Articles  []articleRow
	SideHeads []string // the conflict table's side columns
	// The review form: its anti-forgery field, whether it asks for the
	// token, whether this server takes reviews at all.
	CSRF      string
	NeedToken bool
	CanReview bool
}

type articleRow struct {
	ID          int64
	Outlet      string
	Title       string
	Published   string
	Language    string
	Words       int
	DuplicateOf int64
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	ctx := r.Context()
	info, raw, err := s.store.Story(ctx, id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	reviews, err := s.store.Reviews(ctx, id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	// A story's page changes only with its report (articles are never
	// edited) and its reviews: the report's hash, the time it was made and
	// the reviews' last change are the key.
	key := ""
	if len(raw) > 0 {
		sum := sha256.Sum256(raw)
		key = strconv.FormatInt(id, 10) + "@" + strconv.FormatInt(info.Updated.UnixNano(), 10) + "@" + hex.EncodeToString(sum[:16]) +
			"@" + reviewsStamp(reviews)
		if b, ok := s.storyPages.get(key); ok {
			writePage(w, r, http.StatusOK, b)
			return
		}
	}
	d, err := decodeStory(info, raw)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if d.recs, err = s.store.StoryArticles(ctx, id); err != nil {
		s.error(w, r, err)
		return
	}
	p := s.buildStoryPage(d, reviews)
	p.base = s.base(r, p.V.Title)
	p.Nav = "stories"
	p.Feed = storyHref(id) + "/events.atom"
	p.CSRF, p.NeedToken = s.csrf, s.cfg.Token != ""
	p.CanReview, _ = s.writable()
	b, err := s.renderBytes("story", p)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if key != "" {
		s.storyPages.put(key, b)
	}
	writePage(w, r, http.StatusOK, b)
}

// reviewsStamp changes whenever a story's reviews do.
func reviewsStamp(rs []parallax.Review) string {
	h := sha256.New()
	for _, r := range rs {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d\n", r.Key, r.Verdict, r.Note, r.By, r.At.UnixNano())
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// storyView lays a stored story out with the web's links: evidence opens
// its article page at the span.
func (s *Server) storyView(d *storyData, reviews []parallax.Review, texts bool) *view.Story {
	opt := view.Options{
		Articles:     d.rep.Articles,
		EvidenceHref: func(_, id string, start, end int) string { return spanHref(id, start, end) },
		ArticleHref:  articleIDHref,
		TrustOffsets: !texts,
		Context:      200,
		Reviews:      reviews,
		Directory:    s.cfg.Outlets,
	}
	if texts {
		opt.Texts = map[string]string{}
		for _, r := range d.recs {
			opt.Texts["a"+strconv.FormatInt(r.ID, 10)] = r.Text
		}
		// Outlets the report leaves out are taken from the records.
		known := map[string]bool{}
		for _, a := range d.rep.Articles {
			known[a.ID] = a.Outlet != ""
		}
		for _, r := range d.recs {
			if id := "a" + strconv.FormatInt(r.ID, 10); !known[id] && r.Outlet != "" {
				opt.Articles = append(opt.Articles, parallax.ArticleInfo{ID: id, Outlet: r.Outlet})
			}
		}
	}
	return view.Build(d.st, opt)
}

// spanHref links to a span of article id ("a12") on its page.
func spanHref(id string, start, end int) string {
	n, ok := articleNum(id)
	if !ok {
		return ""
	}
	return evidenceHref(n, start, end)
}

func articleIDHref(id string) string {
	n, ok := articleNum(id)
	if !ok {
		return ""
	}
	return articleHref(n)
}

// buildStoryPage lays a story's report out for its page.
func (s *Server) buildStoryPage(d *storyData, reviews []parallax.Review) *storyPage {
	p := &storyPage{ID: d.info.ID, Info: d.info}
	if d.st == nil {
		st := &parallax.Story{ID: "s" + strconv.FormatInt(d.info.ID, 10), Title: d.info.Title}
		for _, r := range d.recs {
			p.Articles = append(p.Articles, articleRow{ID: r.ID, Outlet: r.Outlet, Title: oneLine(r.Title),
				Published: r.PublishedDate(), Language: r.Language, DuplicateOf: r.DuplicateOf})
			st.Articles = append(st.Articles, parallax.ArticleInfo{ID: "a" + strconv.FormatInt(r.ID, 10), Outlet: r.Outlet, Title: r.Title, Published: r.PublishedDate()})
		}
		p.V = view.Build(st, view.Options{})
		return p
	}
	p.Reported = true
	p.V = s.storyView(d, reviews, true)

	// One table for all conflicts: every row as many sides as the widest.
	most := 0
	for _, c := range p.V.Conflicts {
		most = max(most, len(c.Sides))
	}
	for i := range p.V.Conflicts {
		for len(p.V.Conflicts[i].Sides) < most {
			p.V.Conflicts[i].Sides = append(p.V.Conflicts[i].Sides, view.Side{})
		}
	}
	for i := range most {
		switch i {
		case 0:
			p.SideHeads = append(p.SideHeads, "One side")
		case 1:
			p.SideHeads = append(p.SideHeads, "The other side")
		default:
			p.SideHeads = append(p.SideHeads, fmt.Sprintf("Side %d", i+1))
		}
	}
	return p
}

// parseID reads a path's ID: "12", or "s12" / "a12" with its prefix.
func parseID(s, prefix, what string) (int64, error) {
	t := strings.TrimPrefix(strings.TrimSpace(s), prefix)
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, parallax.Errorf(parallax.EINVALID, "%q is not a %s ID (want a number, like %s12)", clip(s, 40), what, prefix)
	}
	return n, nil
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func oneLine(s string) string { return view.OneLine(s) }
