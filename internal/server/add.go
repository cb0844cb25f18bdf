package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/read"
)

// Adding coverage runs in the request: the articles are read or fetched,
// stored, placed in stories, and the stories they touched compared again
// before the answer. One addition runs at a time (the library has one
// writer); each starts an ingester of its own, so articles added meanwhile
// by other parallax commands on the same file are taken into account.

// itemResult is what happened to one article, or one input that failed.
type itemResult struct {
	Source      string  `json:"source"`
	ID          *string `json:"id"`    // "a12"
	New         bool    `json:"new"`   // false when it was already in the library
	Story       *string `json:"story"` // "s3"
	DuplicateOf *string `json:"duplicate_of,omitempty"`
	Title       string  `json:"title,omitempty"`
	Outlet      string  `json:"outlet,omitempty"`
	Error       *string `json:"error"`
	Code        string  `json:"code,omitempty"` // the error's code

	ArticleNum int64 `json:"-"`
	StoryNum   int64 `json:"-"`
}

// batch is one addition's outcome.
type batch struct {
	Items   []itemResult
	Note    string // about the feed subscribed to, if any
	Stories []int64
	Created time.Time
}

func (b *batch) counts() (added, existing, failed int) {
	for _, it := range b.Items {
		switch {
		case it.Error != nil:
			failed++
		case it.New:
			added++
		default:
			existing++
		}
	}
	return
}

type ingestRun struct {
	s     *Server
	ing   *ingest.Ingester
	opt   read.Options
	batch *batch
}

func strp(s string) *string { return &s }

// ingestBatch runs fn with a fresh ingester, then compares the stories
// it touched.
func (s *Server) ingestBatch(ctx context.Context, fn func(run *ingestRun)) (*batch, error) {
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	ing, err := ingest.New(ctx, s.store, ingest.Options{Now: s.now, Logger: s.log, Window: s.cfg.Window})
	if err != nil {
		return nil, err
	}
	defer ing.Close()
	run := &ingestRun{s: s, ing: ing, opt: read.Options{MaxFileSize: s.cfg.MaxFileSize}, batch: &batch{Items: []itemResult{}, Created: s.now()}}
	fn(run)
	// What was stored is compared even when the request was cancelled.
	if err := ing.Flush(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, it := range run.batch.Items {
		if it.StoryNum != 0 && !seen[it.StoryNum] {
			seen[it.StoryNum] = true
			run.batch.Stories = append(run.batch.Stories, it.StoryNum)
		}
	}
	sort.Slice(run.batch.Stories, func(i, j int) bool { return run.batch.Stories[i] < run.batch.Stories[j] })
	return run.batch, nil
}

func (run *ingestRun) add(ctx context.Context, a *parallax.Article, feedID int64) {
	it := itemResult{Source: a.Source, Title: oneLine(a.Title), Outlet: a.Outlet}
	res, err := run.ing.Add(ctx, a, feedID)
	if err != nil {
		run.fail(a.Source, err)
		return
	}
	it.ArticleNum, it.New, it.StoryNum = res.ID, res.New, res.StoryID
	it.ID = strp("a" + strconv.FormatInt(res.ID, 10))
	if !res.New {
		if rec, err := run.s.store.Article(ctx, res.ID); err == nil {
			it.StoryNum = rec.StoryID
			it.Title, it.Outlet = oneLine(rec.Title), rec.Outlet
			if rec.DuplicateOf != 0 {
				it.DuplicateOf = strp("a" + strconv.FormatInt(rec.DuplicateOf, 10))
			}
		}
	} else if res.DuplicateOf != 0 {
		it.DuplicateOf = strp("a" + strconv.FormatInt(res.DuplicateOf, 10))
	}
	if it.StoryNum != 0 {
		it.Story = strp("s" + strconv.FormatInt(it.StoryNum, 10))
	}
	run.batch.Items = append(run.batch.Items, it)
}

func (run *ingestRun) fail(source string, err error) {
	if parallax.ErrorCode(err) == parallax.EINTERNAL {
		run.s.log.Error("ingest", "source", source, "err", err)
	}
	run.batch.Items = append(run.batch.Items, itemResult{Source: source, Error: strp(parallax.ErrorMessage(err)), Code: parallax.ErrorCode(err)})
}

// url fetches a page or a feed the user named.
func (run *ingestRun) url(ctx context.Context, u string) {
	if webURL(u) == "" {
		run.fail(u, parallax.Errorf(parallax.EINVALID, "%q is not an http or https URL", clip(u, 200)))
		return
	}
	arts, errs := ingest.FetchURL(ctx, run.s.fetch, u, run.opt)
	for _, e := range errs {
		run.fail(u, e)
	}
	for _, a := range arts {
		if ctx.Err() != nil {
			run.fail(a.Source, parallax.Errorf(parallax.EINVALID, "%s: not added: the request ended first", a.Source))
			continue
		}
		run.add(ctx, a, 0)
	}
}

// file reads one uploaded file; name is what the user called it.
func (run *ingestRun) file(ctx context.Context, f uploadedFile) {
	rename := func(s string) string { return strings.ReplaceAll(s, f.path, f.name) }
	err := read.File(ctx, f.path, run.opt, func(a *parallax.Article, err error) error {
		if err != nil {
			run.fail(f.name, parallax.Errorf(parallax.ErrorCode(err), "%s", rename(parallax.ErrorMessage(err))))
			return nil
		}
		a.Source = rename(a.Source)
		run.add(ctx, a, 0)
		return ctx.Err()
	})
	if err != nil && ctx.Err() == nil {
		run.fail(f.name, err)
	}
}

// feed subscribes to a feed and reads it now; `parallax watch` keeps it
// current afterwards.
func (run *ingestRun) feed(ctx context.Context, u string) {
	s := run.s
	if webURL(u) == "" {
		run.fail(u, parallax.Errorf(parallax.EINVALID, "%q is not an http or https URL", clip(u, 200)))
		return
	}
	id, created, err := s.store.AddFeed(ctx, &parallax.Feed{URL: u})
	if err != nil {
		run.fail(u, err)
		return
	}
	feeds, err := s.store.Feeds(ctx)
	if err != nil {
		run.fail(u, err)
		return
	}
	var f *parallax.Feed
	for _, x := range feeds {
		if x.ID == id {
			f = x
		}
	}
	if f == nil {
		run.fail(u, parallax.Errorf(parallax.ENOTFOUND, "feed %d vanished", id))
		return
	}
	if created {
		run.batch.Note = fmt.Sprintf("Subscribed to feed %d (%s). Run “parallax watch” to keep it current.", id, f.URL)
	} else {
		run.batch.Note = fmt.Sprintf("Already subscribed: feed %d (%s). Read it again now.", id, f.URL)
	}
	now := s.now()
	res := ingest.PollFeed(ctx, s.fetch, f)
	f.LastPolled = now
	for _, a := range res.Articles {
		if ctx.Err() != nil {
			break
		}
		run.add(ctx, a, f.ID)
	}
	for _, e := range res.ItemErrors {
		run.fail(u, e)
	}
	if res.Err != nil {
		run.fail(u, res.Err)
		f.Failures++
		f.LastError = parallax.ErrorMessage(res.Err)
		f.NextPoll = now.Add(fetch.Backoff(f.Failures))
	} else {
		f.Failures, f.LastError = 0, ""
		f.NextPoll = now.Add(15 * time.Minute)
		if res.Title != "" {
			f.Title = res.Title
		}
		if !res.NotModified {
			f.ETag, f.LastModified = res.ETag, res.LastModified
		}
	}
	if err := s.store.UpdateFeed(context.WithoutCancel(ctx), f); err != nil {
		run.fail(u, err)
	}
}

// ingestContext bounds an addition and lets its response take as long.
func (s *Server) ingestContext(w http.ResponseWriter, r *http.Request) (context.Context, context.CancelFunc) {
	rc := http.NewResponseController(w)
	deadline := time.Now().Add(s.cfg.IngestTimeout + 30*time.Second)
	_ = rc.SetWriteDeadline(deadline) // not every ResponseWriter can; the default timeout then stands
	_ = rc.SetReadDeadline(deadline)
	return context.WithTimeout(r.Context(), s.cfg.IngestTimeout)
}

// urlLines splits a list of URLs, one per line (or separated by spaces).
func urlLines(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		out = append(out, f)
	}
	return out
}

// uploads

type uploadedFile struct {
	name string // as the user called it, made safe
	path string // where it waits on disk
}

type upload struct {
	dir    string
	files  []uploadedFile
	fields map[string]string
}

func (u *upload) cleanup() {
	if u != nil && u.dir != "" {
		os.RemoveAll(u.dir)
	}
}

const (
	maxUploadFiles = 500
	maxFieldBytes  = 64 << 10
)

// readUpload streams a multipart body to a temporary directory. The form's
// fields come first; check sees them before the first file is read, so a
// request without credentials is refused before its files are stored.
func (s *Server) readUpload(r *http.Request, check func(fields map[string]string) error) (*upload, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "expected a multipart/form-data upload of files")
	}
	up := &upload{fields: map[string]string{}}
	checked := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if e := bodyError(err); e != err {
				return up, e
			}
			return up, parallax.Errorf(parallax.EINVALID, "the upload is not valid multipart data: %v", err)
		}
		if part.FileName() == "" {
			b, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
			if err != nil {
				return up, bodyError(err)
			}
			if len(b) > maxFieldBytes {
				return up, parallax.Errorf(parallax.ETOOLARGE, "form field %q is over %s", clip(part.FormName(), 40), humanBytes(maxFieldBytes))
			}
			if len(up.fields) >= 32 {
				return up, parallax.Errorf(parallax.EINVALID, "too many form fields")
			}
			up.fields[part.FormName()] += string(b)
			continue
		}
		if !checked {
			if err := check(up.fields); err != nil {
				return up, err
			}
			checked = true
		}
		if len(up.files) >= maxUploadFiles {
			return up, parallax.Errorf(parallax.EINVALID, "too many files in one upload (at most %d)", maxUploadFiles)
		}
		if up.dir == "" {
			if up.dir, err = os.MkdirTemp("", "parallax-upload-"); err != nil {
				return up, fmt.Errorf("upload: %w", err)
			}
		}
		name := safeName(part.FileName())
		dir := filepath.Join(up.dir, strconv.Itoa(len(up.files)))
		if err := os.Mkdir(dir, 0o700); err != nil {
			return up, fmt.Errorf("upload: %w", err)
		}
		p := filepath.Join(dir, name)
		f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return up, fmt.Errorf("upload: %w", err)
		}
		_, err = io.Copy(f, part)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			if e := bodyError(err); e != err {
				return up, e
			}
			return up, parallax.Errorf(parallax.EINVALID, "upload of %q broke off: %v", name, err)
		}
		up.files = append(up.files, uploadedFile{name: name, path: p})
	}
	if !checked {
		if err := check(up.fields); err != nil {
			return up, err
		}
	}
	return up, nil
}

// safeName keeps an uploaded file's base name to letters, digits, dots,
// dashes and underscores; its extension tells the reader its format.
func safeName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.TrimLeft(b.String(), ".-")
	if len(s) > 100 {
		s = s[len(s)-100:]
	}
	if s == "" {
		s = "upload"
	}
	return s
}

// The Add page and its forms.

type addPage struct {
	base
	CSRF      string
	NeedToken bool
	Writable  bool
	WhyNot    string
	MaxUpload string
	MaxURLs   int
}

func (s *Server) handleAdd(w http.ResponseWriter, r *http.Request) {
	ok, why := s.writable()
	p := addPage{base: s.base(r, "Add coverage"), CSRF: s.csrf, NeedToken: s.cfg.Token != "", Writable: ok, WhyNot: why,
		MaxUpload: humanBytes(s.cfg.MaxUploadBytes), MaxURLs: s.cfg.MaxURLs}
	p.Nav = "add"
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "add", p)
}

// parseForm reads a small urlencoded form and checks its credentials.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		if e := bodyError(err); e != err {
			return e
		}
		return parallax.Errorf(parallax.EINVALID, "the form could not be read: %v", err)
	}
	if err := s.checkForm(r.PostForm.Get("csrf")); err != nil {
		return err
	}
	return s.authorize(r, r.PostForm.Get("token"))
}

func (s *Server) handleAddURLs(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.error(w, r, err)
		return
	}
	urls := urlLines(r.PostForm.Get("urls"))
	if err := s.checkURLs(urls); err != nil {
		s.error(w, r, err)
		return
	}
	ctx, cancel := s.ingestContext(w, r)
	defer cancel()
	b, err := s.ingestBatch(ctx, func(run *ingestRun) {
		for _, u := range urls {
			run.url(ctx, u)
		}
	})
	s.finishForm(w, r, b, err)
}

func (s *Server) checkURLs(urls []string) error {
	if len(urls) == 0 {
		return parallax.Errorf(parallax.EINVALID, "no URLs given: give one or more http(s) URLs of pages or feeds")
	}
	if len(urls) > s.cfg.MaxURLs {
		return parallax.Errorf(parallax.EINVALID, "%d URLs is too many for one request (at most %d)", len(urls), s.cfg.MaxURLs)
	}
	return nil
}

func (s *Server) handleAddFiles(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes)
	ctx, cancel := s.ingestContext(w, r)
	defer cancel()
	up, err := s.readUpload(r, func(f map[string]string) error {
		if err := s.checkForm(f["csrf"]); err != nil {
			return err
		}
		return s.authorize(r, f["token"])
	})
	defer up.cleanup()
	if err != nil {
		s.error(w, r, err)
		return
	}
	if len(up.files) == 0 {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "no files in the upload: choose one or more files"))
		return
	}
	b, err := s.ingestBatch(ctx, func(run *ingestRun) {
		for _, f := range up.files {
			run.file(ctx, f)
		}
	})
	s.finishForm(w, r, b, err)
}

func (s *Server) handleAddFeed(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.error(w, r, err)
		return
	}
	u := strings.TrimSpace(r.PostForm.Get("url"))
	if u == "" {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "no feed URL given"))
		return
	}
	ctx, cancel := s.ingestContext(w, r)
	defer cancel()
	b, err := s.ingestBatch(ctx, func(run *ingestRun) { run.feed(ctx, u) })
	s.finishForm(w, r, b, err)
}

// finishForm keeps an addition's outcome and sends the browser to it (303,
// so reloading the result page does not add again).
func (s *Server) finishForm(w http.ResponseWriter, r *http.Request, b *batch, err error) {
	if err != nil {
		s.error(w, r, err)
		return
	}
	key := s.results.put(b, s.now())
	http.Redirect(w, r, "/add/results/"+key, http.StatusSeeOther)
}

type resultsPage struct {
	base
	Batch    *batch
	Added    int
	Existing int
	Failed   int
	Stories  []parallax.StoryInfo
}

func (s *Server) handleResults(w http.ResponseWriter, r *http.Request) {
	b := s.results.get(r.PathValue("key"), s.now())
	if b == nil {
		s.error(w, r, parallax.Errorf(parallax.ENOTFOUND, "no such result: results are kept for an hour"))
		return
	}
	p := resultsPage{base: s.base(r, "Coverage added"), Batch: b}
	p.Added, p.Existing, p.Failed = b.counts()
	for _, id := range b.Stories {
		info, _, err := s.store.Story(r.Context(), id)
		if err != nil {
			continue
		}
		p.Stories = append(p.Stories, info)
	}
	p.Nav = "add"
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "results", p)
}

// resultCache keeps recent additions' outcomes for their result pages.
type resultCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	keys  []string
	items map[string]*batch
}

func newResultCache(max int, ttl time.Duration) *resultCache {
	return &resultCache{max: max, ttl: ttl, items: map[string]*batch{}}
}

func (c *resultCache) put(b *batch, now time.Time) string {
	var k [12]byte
	rand.Read(k[:])
	key := hex.EncodeToString(k[:])
	c.mu.Lock()
	defer c.mu.Unlock()
	b.Created = now
	c.items[key] = b
	c.keys = append(c.keys, key)
	for len(c.keys) > c.max {
		delete(c.items, c.keys[0])
		c.keys = c.keys[1:]
	}
	return key
}

func (c *resultCache) get(key string, now time.Time) *batch {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.items[key]
	if b == nil || now.Sub(b.Created) > c.ttl {
		return nil
	}
	return b
}
