package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// A reader marks a conflict on the story page; the mark shows on the page
// and in the JSON, and stays with the same conflict when the story is
// compared again with more coverage.
func TestReviews(t *testing.T) {
	db := newLibrary(t)
	s := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now})
	upload := func(names ...string) string {
		buf, ct := multipartBody(t, nil, exampleFiles(t, names...))
		r := httptest.NewRequest("POST", "/api/v1/ingest", buf)
		r.Header.Set("Content-Type", ct)
		r.Host = "127.0.0.1:8080"
		var rep ingestReply
		decodeJSON(t, do(t, s, r), &rep)
		if len(rep.Stories) != 1 {
			t.Fatalf("upload %v: %+v", names, rep)
		}
		return strings.TrimPrefix(rep.Stories[0], "s")
	}
	id := upload("harbor-gazette.txt", "evening-clarion.txt")
	storyJSON := func() parallax.Report {
		var rep parallax.Report
		decodeJSON(t, get(t, s, "/api/v1/stories/"+id), &rep)
		return rep
	}
	rep := storyJSON()
	if len(rep.Stories[0].Conflicts) == 0 {
		t.Fatal("the Gazette and the Clarion disagree on nothing")
	}
	target := rep.Stories[0].Conflicts[0]
	page := body(t, get(t, s, "/stories/"+id))
	if !strings.Contains(page, `action="/stories/`+id+`/reviews"`) || !strings.Contains(page, `name="key" value="`) {
		t.Fatal("the story page has no review form")
	}

	// The form: anti-forgery field required, then a redirect to the conflict.
	post := func(v url.Values) *http.Response {
		r := httptest.NewRequest("POST", "/stories/"+id+"/reviews", strings.NewReader(v.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Host = "127.0.0.1:8080"
		return do(t, s, r)
	}
	form := url.Values{"key": {target.Key()}, "verdict": {"confirmed"}, "note": {"The fire service's count is 14."}, "by": {"Ana Ruiz"}}
	if res := post(form); res.StatusCode != http.StatusForbidden {
		t.Errorf("a review without the form's csrf field: %d, want 403", res.StatusCode)
	}
	form.Set("csrf", s.csrf)
	res := post(form)
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "#conflict-1") {
		t.Fatalf("review form: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	page = body(t, get(t, s, "/stories/"+id))
	if !strings.Contains(page, "✓ confirmed by Ana Ruiz") || !strings.Contains(page, "The fire service&#39;s count is 14.") {
		t.Errorf("the story page does not show the mark")
	}
	if c := storyJSON().Stories[0].Conflicts[0]; c.Review == nil || c.Review.Verdict != parallax.Confirmed || c.Review.By != "Ana Ruiz" {
		t.Errorf("the story's JSON does not carry the review: %+v", c.Review)
	}

	// More coverage: the story is compared again; the mark stays on the
	// conflict with the same key, wherever it now is.
	if got := upload("meridian-wire.txt", "bayline-radio.txt", "coastline-courier.txt"); got != id {
		t.Fatalf("the new coverage joined s%s, not s%s", got, id)
	}
	after := storyJSON().Stories[0]
	found := false
	for _, c := range after.Conflicts {
		if c.Review != nil {
			if parallax.KeyPrefix(c.Key()) != parallax.KeyPrefix(target.Key()) {
				t.Errorf("after recomparing, the mark is on %q, not %q", c.Key(), target.Key())
			}
			found = true
		}
	}
	if !found {
		t.Errorf("after recomparing, the mark is lost; conflicts now %v (was %q)", keys(after.Conflicts), target.Key())
	}
	if b := body(t, get(t, s, "/stories/"+id)); !strings.Contains(b, "✓ confirmed by Ana Ruiz") {
		t.Error("after recomparing, the page does not show the mark")
	}

	// The API: by conflict number; bad verdicts and anonymous marks refused.
	api := func(body string) *http.Response {
		r := httptest.NewRequest("POST", "/api/v1/stories/"+id+"/reviews", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Host = "127.0.0.1:8080"
		return do(t, s, r)
	}
	res = api(`{"conflict": 1, "verdict": "not_a_conflict", "note": "same figure", "by": "Ben"}`)
	if res.StatusCode != 200 {
		t.Errorf("API review: %d %s", res.StatusCode, body(t, res))
	}
	for _, bad := range []string{`{"conflict": 1, "verdict": "maybe", "by": "Ben"}`, `{"conflict": 1, "verdict": "confirmed"}`, `{"conflict": 99, "verdict": "confirmed", "by": "Ben"}`, `{"conflict": 1, "verdict": "confirmed", "by": "Ben", "extra": 1}`} {
		if res := api(bad); res.StatusCode != http.StatusBadRequest {
			t.Errorf("API review %s: %d, want 400", bad, res.StatusCode)
		}
	}
	var list struct {
		Reviews []parallax.Review `json:"reviews"`
	}
	decodeJSON(t, get(t, s, "/api/v1/stories/"+id+"/reviews"), &list)
	if len(list.Reviews) == 0 {
		t.Error("GET reviews lists none")
	}
	// With a token, a review needs it.
	locked := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now, Token: "s3cret"})
	r := httptest.NewRequest("POST", "/api/v1/stories/"+id+"/reviews", strings.NewReader(`{"conflict": 1, "verdict": "confirmed", "by": "Eve"}`))
	r.Header.Set("Content-Type", "application/json")
	r.Host = "127.0.0.1:8080"
	if res := do(t, locked, r); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a review without the token: %d, want 401", res.StatusCode)
	}
}

func keys(cs []parallax.Conflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Key())
	}
	return out
}
