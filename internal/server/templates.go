package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallaxnews/parallax/internal/view"
)

// The pages: one layout and shared partials, and one file per page that
// defines "title" and "content". Each page is parsed with the layout once,
// when the Server is made, into its own template set, so pages cannot
// clash and nothing is parsed while serving.

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var commonTemplates = []string{"templates/layout.html", "templates/partials.html"}

type engine struct {
	pages map[string]*template.Template
}

// mustEngine parses the embedded templates; they are part of the binary,
// so a parse error is a programming error.
func mustEngine(st *staticFiles) *engine {
	funcs := template.FuncMap{
		"static":      st.href,
		"storyHref":   storyHref,
		"articleHref": articleHref,
		"outletHref":  outletHref,
		"day":         day,
		"stamp":       stamp,
		"percent":     func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
		"plural":      plural,
		"add":         func(a, b int) int { return a + b },
		"join":        func(ss []string) string { return strings.Join(ss, ", ") },
		"kindLabel":   view.KindLabel,
		"ago":         ago,
		"reviewArgs":  reviewArgs,
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	e := &engine{pages: map[string]*template.Template{}}
	for _, n := range names {
		if contains(commonTemplates, n) {
			continue
		}
		files := append(append([]string{}, commonTemplates...), n)
		t := template.Must(template.New(path.Base(n)).Funcs(funcs).ParseFS(templateFS, files...))
		e.pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return e
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// base is what the layout needs on every page.
type base struct {
	Title string
	Query string // the search box's value
	Nav   string // the section to mark current
	Feed  string // the page's Atom feed of changes, "" for none
}

func (s *Server) base(r *http.Request, title string) base {
	return base{Title: title}
}

// render executes page name into a buffer, then writes it with status: a
// template error becomes a clean 500, never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	b, err := s.renderBytes(name, data)
	if err != nil {
		s.log.Error("render page", "page", name, "err", err)
		if name != "error" {
			s.error(w, r, err)
		} else {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
		return
	}
	writePage(w, r, status, b)
}

func (s *Server) renderBytes(name string, data any) ([]byte, error) {
	t := s.pages.pages[name]
	if t == nil {
		return nil, fmt.Errorf("no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

func writePage(w http.ResponseWriter, r *http.Request, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// pageCache keeps rendered pages that depend only on stored data that
// changes with a key (a story's page with the time it was compared).
type pageCache struct {
	mu    sync.Mutex
	max   int
	keys  []string
	pages map[string][]byte
}

func newPageCache(max int) *pageCache { return &pageCache{max: max, pages: map[string][]byte{}} }

func (c *pageCache) get(key string) ([]byte, bool) {
	if c.max <= 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.pages[key]
	return b, ok
}

func (c *pageCache) put(key string, b []byte) {
	if c.max <= 0 || len(b) > 2<<20 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pages[key]; ok {
		return
	}
	c.pages[key] = b
	c.keys = append(c.keys, key)
	for len(c.keys) > c.max {
		delete(c.pages, c.keys[0])
		c.keys = c.keys[1:]
	}
}

// staticFiles serves the embedded assets with long caching: every link
// carries the file's content hash, so a new build is a new URL.
type staticFiles struct {
	files map[string]staticFile // by name, "style.css"
}

type staticFile struct {
	data    []byte
	ctype   string
	version string
}

func mustStatic() *staticFiles {
	st := &staticFiles{files: map[string]staticFile{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		case ".txt", "":
			ct = "text/plain; charset=utf-8"
		case ".svg":
			ct = "image/svg+xml"
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		st.files[strings.TrimPrefix(p, "static/")] = staticFile{data: b, ctype: ct, version: hex.EncodeToString(sum[:6])}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return st
}

// href is the versioned address of an asset.
func (st *staticFiles) href(name string) string {
	f, ok := st.files[name]
	if !ok {
		panic("server: no static file " + name)
	}
	return "/static/" + name + "?v=" + f.version
}

func (st *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	f, ok := st.files[name]
	if !ok {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("not found\n"))
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("ETag", `"`+f.version+`"`)
	if r.URL.Query().Get("v") == f.version {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=300")
	}
	if r.Header.Get("If-None-Match") == `"`+f.version+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(f.data)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(f.data)
}

// Links. IDs are the store's numbers; names are path-escaped.

func storyHref(id int64) string   { return "/stories/" + strconv.FormatInt(id, 10) }
func articleHref(id int64) string { return "/articles/" + strconv.FormatInt(id, 10) }
func outletHref(name string) string {
	return "/outlets/" + url.PathEscape(name)
}

// evidenceHref links to a span of an article: the article page marks it
// with the element id ev-START-END.
func evidenceHref(id int64, start, end int) string {
	return fmt.Sprintf("/articles/%d#%s", id, evidenceID(start, end))
}

// evidenceID is the element id of an evidence span on its article page.
func evidenceID(start, end int) string { return fmt.Sprintf("ev-%d-%d", start, end) }

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// reviewFormArgs is what the review form of one conflict needs.
type reviewFormArgs struct {
	Story     int64
	CSRF      string
	NeedToken bool
	C         view.Conflict
}

func reviewArgs(p *storyPage, c view.Conflict) reviewFormArgs {
	return reviewFormArgs{Story: p.ID, CSRF: p.CSRF, NeedToken: p.NeedToken, C: c}
}

// ago says how long before now t was, in the largest whole unit: "3 h
// ago", "2 days ago", or the date when it is more than a month back.
func ago(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < 0:
		return day(t)
	case d < time.Hour:
		return strconv.Itoa(int(d.Minutes())) + " min ago"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d.Hours())) + " h ago"
	case d < 31*24*time.Hour:
		return strconv.Itoa(int(d.Hours()/24)) + " days ago"
	}
	return day(t)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
