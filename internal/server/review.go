package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// Reviews: a person marks a conflict confirmed or not a conflict, with a
// note and their name. The mark names the conflict by its key, so it stays
// with the same conflict when the story is compared again. Writing a
// review takes the same credentials as adding coverage.

const maxNote = 2000

// reviewInput is a review as a form or the API sends it: the conflict by
// its key, or by its number on the story page (1-based).
type reviewInput struct {
	Key      string `json:"key"`
	Conflict int    `json:"conflict"`
	Verdict  string `json:"verdict"`
	Note     string `json:"note"`
	By       string `json:"by"`
}

// review checks in against the story's current conflicts and stores it;
// it returns the review and the conflict's number.
func (s *Server) review(ctx context.Context, storyID int64, in reviewInput) (parallax.Review, int, error) {
	d, err := s.loadReport(ctx, storyID)
	if err != nil {
		return parallax.Review{}, 0, err
	}
	if d.st == nil || len(d.st.Conflicts) == 0 {
		return parallax.Review{}, 0, parallax.Errorf(parallax.EINVALID, "story s%d has no conflicts to review", storyID)
	}
	n := 0
	switch {
	case in.Key != "":
		for i := range d.st.Conflicts {
			if d.st.Conflicts[i].Key() == in.Key {
				n = i + 1
			}
		}
		if n == 0 {
			return parallax.Review{}, 0, parallax.Errorf(parallax.EINVALID, "story s%d has no conflict with the key %q (it may have been compared again: reload the story)", storyID, clip(in.Key, 80))
		}
	case in.Conflict >= 1 && in.Conflict <= len(d.st.Conflicts):
		n = in.Conflict
	default:
		return parallax.Review{}, 0, parallax.Errorf(parallax.EINVALID, "name the conflict: its key, or its number from 1 to %d on the page of story s%d", len(d.st.Conflicts), storyID)
	}
	verdict := strings.TrimSpace(in.Verdict)
	switch verdict {
	case parallax.Confirmed, parallax.NotConflict, "":
	case "not-a-conflict", "not_conflict", "rejected", "reject":
		verdict = parallax.NotConflict
	case "confirm":
		verdict = parallax.Confirmed
	default:
		return parallax.Review{}, 0, parallax.Errorf(parallax.EINVALID, "verdict %q: want %s or %s (or nothing, to clear the mark)", clip(in.Verdict, 40), parallax.Confirmed, parallax.NotConflict)
	}
	by := view.OneLine(in.By)
	if verdict != "" && by == "" {
		return parallax.Review{}, 0, parallax.Errorf(parallax.EINVALID, "say who marks the conflict (by)")
	}
	if len(in.Note) > maxNote || len(by) > 200 {
		return parallax.Review{}, 0, parallax.Errorf(parallax.EINVALID, "the note is too long (at most %d characters) or the name (at most 200)", maxNote)
	}
	r := parallax.Review{Key: d.st.Conflicts[n-1].Key(), Verdict: verdict, Note: strings.TrimSpace(in.Note), By: by, At: s.now().UTC()}
	if err := s.store.SetReview(ctx, storyID, r); err != nil {
		return parallax.Review{}, 0, err
	}
	return r, n, nil
}

// handleReview takes the review form of a story page and sends the reader
// back to the conflict.
func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.error(w, r, err)
		return
	}
	f := r.PostForm
	in := reviewInput{Key: f.Get("key"), Verdict: f.Get("verdict"), Note: f.Get("note"), By: f.Get("by")}
	_, n, err := s.review(r.Context(), id, in)
	if err != nil {
		s.error(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s#conflict-%d", storyHref(id), n), http.StatusSeeOther)
}

// apiReviews lists a story's reviews.
func (s *Server) apiReviews(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	rs, err := s.store.Reviews(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if rs == nil {
		rs = []parallax.Review{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"story": "s" + strconv.FormatInt(id, 10), "reviews": rs})
}

// apiReview records a review sent as JSON.
func (s *Server) apiReview(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	if err := s.authorize(r, ""); err != nil {
		s.error(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	var in reviewInput
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		if e := bodyError(err); e != err {
			s.error(w, r, e)
			return
		}
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "the review could not be read: want JSON like {\"conflict\": 1, \"verdict\": \"confirmed\", \"note\": \"…\", \"by\": \"…\"}: %v", err))
		return
	}
	rev, n, err := s.review(r.Context(), id, in)
	if err != nil {
		s.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"story": "s" + strconv.FormatInt(id, 10), "conflict": n, "review": rev})
}

// reportWithReviews is a stored report with the story's reviews set on its
// conflicts; raw itself when there are none.
func reportWithReviews(raw []byte, reviews []parallax.Review) ([]byte, error) {
	if len(reviews) == 0 {
		return raw, nil
	}
	var rep parallax.Report
	if err := json.Unmarshal(raw, &rep); err != nil {
		return nil, fmt.Errorf("stored report unreadable: %w", err)
	}
	for i := range rep.Stories {
		view.AttachReviews(&rep.Stories[i], reviews)
	}
	return json.Marshal(&rep)
}
