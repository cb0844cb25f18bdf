package server

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

// The JSON API, /api/v1. Story and article IDs are strings as in the
// report ("s12", "a7"); paths take them with or without the letter.
// Errors are {"error":{"code":…,"message":…}} with the status of their
// code (see ErrorStatusCode). openapi.yaml describes it all.

//go:embed openapi.yaml
var openAPI []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Write(openAPI)
}

const maxAPILimit = 100

type storiesResponse struct {
	Stories    []storyRow `json:"stories"`
	NextOffset *int       `json:"next_offset"`
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", 20, 1, maxAPILimit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		s.error(w, r, err)
		return
	}
	q := r.URL.Query()
	f := parallax.StoryFilter{Query: strings.TrimSpace(q.Get("q")), Outlet: strings.TrimSpace(q.Get("outlet")), Limit: limit + 1, Offset: offset}
	if v := q.Get("since"); v != "" {
		if f.Since, err = parseSince(v, s.now()); err != nil {
			s.error(w, r, err)
			return
		}
	}
	list, err := s.store.Stories(r.Context(), f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	resp := storiesResponse{Stories: []storyRow{}}
	if len(list) > limit {
		list = list[:limit]
		next := offset + limit
		resp.NextOffset = &next
	}
	for _, info := range list {
		resp.Stories = append(resp.Stories, storyRowOf(info))
	}
	writeJSON(w, http.StatusOK, resp)
}

// apiStory answers with the story's stored report, as `parallax show
// --format json` prints it.
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	info, raw, err := s.store.Story(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if len(raw) == 0 {
		s.error(w, r, parallax.Errorf(parallax.ENOTFOUND, "story s%d has not been compared yet", info.ID))
		return
	}
	reviews, err := s.store.Reviews(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if raw, err = reportWithReviews(raw, reviews); err != nil {
		s.error(w, r, fmt.Errorf("story s%d: %w", id, err))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(publicReport(raw))
}

type jsonArticle struct {
	ID          string  `json:"id"`
	Story       *string `json:"story"`
	DuplicateOf *string `json:"duplicate_of"`
	Source      string  `json:"source"`
	URL         string  `json:"url"`
	Outlet      string  `json:"outlet"`
	Title       string  `json:"title"`
	Author      string  `json:"author"`
	Published   *string `json:"published"`
	Language    string  `json:"language"`
	Created     *string `json:"created"`
	Link        string  `json:"link"` // the article's page
	Text        string  `json:"text"`
	// Analysis is the library's one analysis codec, as stored.
	Analysis *pipeline.AnalysisJSON `json:"analysis"`
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "a", "article")
	if err != nil {
		s.error(w, r, err)
		return
	}
	rec, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	j, err := articleJSON(rec)
	if err != nil {
		s.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, j)
}

func articleJSON(rec *parallax.Record) (jsonArticle, error) {
	a, err := pipeline.RecordAnalysis(rec)
	if err != nil {
		return jsonArticle{}, err
	}
	j := jsonArticle{ID: "a" + strconv.FormatInt(rec.ID, 10), Source: publicSource(rec.Source), URL: rec.URL, Outlet: rec.Outlet,
		Title: rec.Title, Author: rec.Author, Published: timeJSON(rec.Published), Language: rec.Language,
		Created: timeJSON(rec.Created), Link: articleHref(rec.ID), Text: rec.Text}
	if rec.StoryID != 0 {
		j.Story = strp("s" + strconv.FormatInt(rec.StoryID, 10))
	}
	if rec.DuplicateOf != 0 {
		j.DuplicateOf = strp("a" + strconv.FormatInt(rec.DuplicateOf, 10))
	}
	j.Analysis = pipeline.ToJSON(a)
	return j, nil
}

type outletsResponse struct {
	Outlets     []*outletStats `json:"outlets"`
	StoriesRead int            `json:"stories_read"`
	Partial     bool           `json:"partial"`
}

func (s *Server) apiOutlets(w http.ResponseWriter, r *http.Request) {
	list, scanned, partial, err := s.outletList(r.Context())
	if err != nil {
		s.error(w, r, err)
		return
	}
	if list == nil {
		list = []*outletStats{}
	}
	writeJSON(w, http.StatusOK, outletsResponse{Outlets: list, StoriesRead: scanned, Partial: partial})
}

type outletResponse struct {
	Outlet     *outletStats      `json:"outlet"`
	Stories    []jsonOutletStory `json:"stories"`
	NextOffset *int              `json:"next_offset"`
}

func (s *Server) apiOutlet(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	limit, err := intParam(r, "limit", outletPageSize, 1, maxAPILimit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		s.error(w, r, err)
		return
	}
	stories, more, stats, err := s.loadOutlet(r.Context(), name, limit, offset)
	if err != nil {
		s.error(w, r, err)
		return
	}
	resp := outletResponse{Outlet: stats, Stories: []jsonOutletStory{}}
	for _, v := range stories {
		resp.Stories = append(resp.Stories, jsonOutletStoryOf(v))
	}
	if more {
		next := offset + limit
		resp.NextOffset = &next
	}
	writeJSON(w, http.StatusOK, resp)
}

type searchHit struct {
	Article   string  `json:"article"`
	Story     *string `json:"story"`
	Outlet    string  `json:"outlet"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
	Snippet   string  `json:"snippet"`
	Link      string  `json:"link"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "q is required: the words to search for"))
		return
	}
	if len(q) > 500 {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "q is too long (at most 500 characters)"))
		return
	}
	limit, err := intParam(r, "limit", 20, 1, maxAPILimit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	hits, err := s.store.Search(r.Context(), q, limit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	out := struct {
		Hits []searchHit `json:"hits"`
	}{Hits: []searchHit{}}
	for _, h := range hits {
		sh := searchHit{Article: "a" + strconv.FormatInt(h.ID, 10), Outlet: h.Outlet, Title: h.Title, URL: h.URL,
			Published: timeJSON(h.Published), Snippet: oneLine(h.Snippet), Link: articleHref(h.ID)}
		if h.StoryID != 0 {
			sh.Story = strp("s" + strconv.FormatInt(h.StoryID, 10))
		}
		out.Hits = append(out.Hits, sh)
	}
	writeJSON(w, http.StatusOK, out)
}

type ingestResponse struct {
	Results []itemResult `json:"results"`
	Stories []string     `json:"stories"` // the stories that gained articles or were compared again
	Added   int          `json:"added"`
	Failed  int          `json:"failed"`
	Note    string       `json:"note,omitempty"`
}

// apiIngest adds coverage: JSON {"urls": [...]} fetches pages and feeds;
// a multipart body uploads files (and may carry a "urls" field).
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r, ""); err != nil {
		s.error(w, r, err)
		return
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var urls []string
	var up *upload
	defer func() { up.cleanup() }()
	switch ct {
	case "application/json":
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		var body struct {
			URLs []string `json:"urls"`
		}
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil {
			if e := bodyError(err); e != err {
				s.error(w, r, e)
				return
			}
			s.error(w, r, parallax.Errorf(parallax.EINVALID, "the body is not {\"urls\": [...]}: %v", err))
			return
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			s.error(w, r, parallax.Errorf(parallax.EINVALID, "the body holds more than one JSON value"))
			return
		}
		urls = body.URLs
		if err := s.checkURLs(urls); err != nil {
			s.error(w, r, err)
			return
		}
	case "multipart/form-data":
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes)
		var err error
		up, err = s.readUpload(r, func(map[string]string) error { return nil })
		if err != nil {
			s.error(w, r, err)
			return
		}
		urls = urlLines(up.fields["urls"])
		if len(up.files) == 0 && len(urls) == 0 {
			s.error(w, r, parallax.Errorf(parallax.EINVALID, "the upload holds no files and no urls"))
			return
		}
		if len(urls) > 0 {
			if err := s.checkURLs(urls); err != nil {
				s.error(w, r, err)
				return
			}
		}
	default:
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "send JSON ({\"urls\": [...]}, Content-Type: application/json) or files (multipart/form-data)"))
		return
	}
	ctx, cancel := s.ingestContext(w, r)
	defer cancel()
	b, err := s.ingestBatch(ctx, func(run *ingestRun) {
		for _, u := range urls {
			run.url(ctx, u)
		}
		if up != nil {
			for _, f := range up.files {
				run.file(ctx, f)
			}
		}
	})
	if err != nil {
		s.error(w, r, err)
		return
	}
	resp := ingestResponse{Results: b.Items, Stories: []string{}, Note: b.Note}
	for _, id := range b.Stories {
		resp.Stories = append(resp.Stories, "s"+strconv.FormatInt(id, 10))
	}
	resp.Added, _, resp.Failed = b.counts()
	writeJSON(w, http.StatusOK, resp)
}
