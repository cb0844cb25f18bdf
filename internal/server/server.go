// Package server is the library on the web: pages for people (stories,
// articles, outlets, search, adding coverage) and a JSON API under /api/v1
// for programs, both over one parallax.Store.
//
// Every page is plain HTML that works without JavaScript; templates and
// static assets are embedded and parsed once, when the Server is made.
// Every response carries a strict Content-Security-Policy (no inline
// scripts or styles anywhere) and the usual hardening headers. Article
// texts, titles, outlet names and URLs are data from the open web: they
// only ever reach a page through html/template, and only http(s) addresses
// become links.
//
// Reading is open. Writing (adding coverage) needs the configured token,
// except on a server bound to a loopback address with no token, where the
// machine's own user may add without one; a server on any other address
// refuses to start without a token. See Config and docs/API.md.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/view"
)

// Defaults for the zero Config.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultMaxBodyBytes    = 1 << 20  // forms and JSON bodies
	DefaultMaxUploadBytes  = 50 << 20 // a multipart upload, all files together
	DefaultMaxURLs         = 50       // URLs in one request
	DefaultIngestTimeout   = 10 * time.Minute
	DefaultShutdownTimeout = 10 * time.Second
)

// Config is what a Server needs. Store is required; every other field has a
// default.
type Config struct {
	// Addr is the address to listen on, host:port. It also decides the
	// write rules: on a loopback address (127.0.0.1, ::1, localhost) a
	// server without a token lets local users add coverage; on any other
	// address a token is required and Open refuses to start without one.
	// Tests that use Handler alone set it to say where the server would be.
	Addr  string
	Store parallax.Store
	// Token, when set, must accompany every write: "Authorization: Bearer
	// TOKEN", or the form field "token" on the HTML forms.
	Token string
	// AllowPrivate lets the URLs users add reach private, loopback and
	// link-local addresses (refused by default).
	AllowPrivate bool
	// Fetch is the HTTP client for the URLs and feeds users add; nil makes
	// one with the fetch package's careful defaults and AllowPrivate.
	Fetch *fetch.Client
	// Logger receives one line per request and every internal error; nil
	// discards them.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// MaxBodyBytes bounds a form or JSON body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxUploadBytes bounds a multipart upload; 0 means DefaultMaxUploadBytes.
	MaxUploadBytes int64
	// MaxFileSize bounds one single-article file or page; 0 means the read
	// package's default (10 MB).
	MaxFileSize int64
	// MaxURLs is how many URLs one request may add; 0 means DefaultMaxURLs.
	MaxURLs int
	// IngestTimeout bounds one request that adds coverage (fetching
	// included); 0 means DefaultIngestTimeout.
	IngestTimeout time.Duration
	// ShutdownTimeout is how long Close waits for requests in flight;
	// 0 means DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// Window is passed to the ingester (how far back stories are joined);
	// 0 means its default.
	Window time.Duration
	// Outlets describes the outlets (the user's outlets file): display
	// names and the coverage bar on each story. Nil shows neither.
	Outlets view.Directory
	// StoryPageCache is how many rendered story pages are kept (a page is
	// rendered again when its story is compared again); 0 means 64, a
	// negative number keeps none.
	StoryPageCache int
}

// Server serves the library. Make one with New; Handler serves requests
// in-process, Open or ListenAndServe listen on Config.Addr.
type Server struct {
	cfg      Config
	store    parallax.Store
	log      *slog.Logger
	now      func() time.Time
	fetch    *fetch.Client
	pages    *engine
	static   *staticFiles
	csrf     string
	loopback bool
	cop      *http.CrossOriginProtection
	mux      *http.ServeMux
	handler  http.Handler

	ingestMu   sync.Mutex // one ingest at a time: the library has one writer
	results    *resultCache
	outlets    *outletCache
	storyPages *pageCache

	mu       sync.Mutex
	ln       net.Listener
	srv      *http.Server
	serveErr chan error
}

// New returns a Server for cfg, its templates and assets parsed. It does
// not listen: see Open.
func New(cfg Config) *Server {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if cfg.MaxURLs <= 0 {
		cfg.MaxURLs = DefaultMaxURLs
	}
	if cfg.IngestTimeout <= 0 {
		cfg.IngestTimeout = DefaultIngestTimeout
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.StoryPageCache == 0 {
		cfg.StoryPageCache = 64
	}
	s := &Server{
		cfg:      cfg,
		store:    cfg.Store,
		log:      cfg.Logger,
		now:      cfg.Now,
		fetch:    cfg.Fetch,
		loopback: IsLoopback(cfg.Addr),
		cop:      http.NewCrossOriginProtection(),
		results:  newResultCache(64, time.Hour),
		outlets:  &outletCache{},
	}
	s.storyPages = newPageCache(cfg.StoryPageCache)
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.fetch == nil {
		s.fetch = fetch.New(fetch.Options{AllowPrivate: cfg.AllowPrivate, MaxBytes: cfg.MaxFileSize})
	}
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("server: no randomness for the form token: " + err.Error())
	}
	s.csrf = hex.EncodeToString(b[:])
	s.static = mustStatic()
	s.pages = mustEngine(s.static)
	s.cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.error(w, r, parallax.Errorf(eForbidden, "cross-origin request refused: add coverage from this site's own pages or from a program"))
	}))
	s.routes()
	s.handler = s.recoverer(s.logRequests(s.secure(s.mux)))
	return s
}

// Handler is the whole site: pages, assets and the API, with the security
// headers, request log and panic recovery.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) routes() {
	m := http.NewServeMux()
	s.mux = m
	m.HandleFunc("GET /{$}", s.handleHome)
	m.HandleFunc("GET /search", s.handleSearch)
	m.HandleFunc("GET /stories/{id}", s.handleStory)
	m.HandleFunc("GET /stories/{id}/events.atom", s.handleStoryAtom)
	m.HandleFunc("GET /feeds/events.atom", s.handleEventsAtom)
	m.HandleFunc("GET /feeds/search.atom", s.handleSearchAtom)
	m.HandleFunc("GET /articles/{id}", s.handleArticle)
	m.HandleFunc("GET /outlets", s.handleOutlets)
	m.HandleFunc("GET /outlets/{name}", s.handleOutlet)
	m.HandleFunc("POST /stories/{id}/reviews", s.handleReview)
	m.HandleFunc("GET /add", s.handleAdd)
	m.HandleFunc("POST /add/urls", s.handleAddURLs)
	m.HandleFunc("POST /add/files", s.handleAddFiles)
	m.HandleFunc("POST /add/feed", s.handleAddFeed)
	m.HandleFunc("GET /add/results/{key}", s.handleResults)
	m.Handle("GET /static/", s.static)
	m.HandleFunc("/", s.notFound)

	m.HandleFunc("GET /api/v1/stories", s.apiStories)
	m.HandleFunc("GET /api/v1/stories/{id}", s.apiStory)
	m.HandleFunc("GET /api/v1/stories/{id}/reviews", s.apiReviews)
	m.HandleFunc("POST /api/v1/stories/{id}/reviews", s.apiReview)
	m.HandleFunc("GET /api/v1/articles/{id}", s.apiArticle)
	m.HandleFunc("GET /api/v1/outlets", s.apiOutlets)
	m.HandleFunc("GET /api/v1/outlets/{name}", s.apiOutlet)
	m.HandleFunc("GET /api/v1/search", s.apiSearch)
	m.HandleFunc("POST /api/v1/ingest", s.apiIngest)
	m.HandleFunc("GET /api/v1/openapi.yaml", s.apiOpenAPI)
	m.HandleFunc("/api/", s.notFound)
}

// notFound answers what no route matched: 405 when the path exists for
// another method, 404 otherwise, as JSON under /api/ and as a page elsewhere.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method || (m == http.MethodGet && r.Method == http.MethodHead) {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pat := s.mux.Handler(probe); pat != "/" && pat != "/api/" && pat != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.error(w, r, parallax.Errorf(eMethod, "%s is not allowed on %s (use %s)", r.Method, r.URL.Path, strings.Join(allow, " or ")))
		return
	}
	s.error(w, r, parallax.Errorf(parallax.ENOTFOUND, "nothing at %s", r.URL.Path))
}

// contentSecurityPolicy allows this site's own scripts, styles and images
// and nothing else: no inline code, no framing, forms post only here.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// secure sets the security headers on every response.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"bytes", sw.bytes, "duration", time.Since(start).Round(time.Microsecond))
	})
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.error(w, r, fmt.Errorf("panic: %v", v))
		}()
		next.ServeHTTP(w, r)
	})
}

// IsLoopback reports whether addr (host:port, or a host) names only this
// machine: localhost, 127.0.0.0/8 or ::1. An empty host (":8080") listens
// on every interface and is not loopback.
func IsLoopback(addr string) bool {
	host := addr
	if h, _, err := net.SplitHostPort(addr); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkConfig is what Open refuses to start with.
func (s *Server) checkConfig() error {
	if s.store == nil {
		return parallax.Errorf(parallax.EINVALID, "serve: no library store")
	}
	if _, _, err := net.SplitHostPort(s.cfg.Addr); err != nil {
		return parallax.Errorf(parallax.EINVALID, "serve: address %q: want host:port, e.g. 127.0.0.1:8080", s.cfg.Addr)
	}
	if !s.loopback && s.cfg.Token == "" {
		return parallax.Errorf(parallax.EINVALID,
			"serve: refusing to listen on %s without a token: anyone who can reach it could add to the library. "+
				"Set --token or $PARALLAX_TOKEN, or listen on 127.0.0.1", s.cfg.Addr)
	}
	return nil
}

// Open checks the configuration, listens on Config.Addr and serves in the
// background until Close.
func (s *Server) Open() error {
	if err := s.checkConfig(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return parallax.Errorf(parallax.EINVALID, "serve: %v", err)
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // large uploads on slow links; headers are bounded above
		WriteTimeout:      2 * time.Minute, // ingest requests extend their own deadline
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.mu.Lock()
	s.ln, s.srv, s.serveErr = ln, srv, make(chan error, 1)
	s.mu.Unlock()
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.serveErr <- err
	}()
	return nil
}

// Addr is the address the server listens on (its real port after Open on
// port 0), or Config.Addr before Open.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		return s.ln.Addr().String()
	}
	return s.cfg.Addr
}

// URL is the server's base URL, http://host:port.
func (s *Server) URL() string {
	return (&url.URL{Scheme: "http", Host: s.Addr()}).String()
}

// Close stops the server gracefully: no new connections, requests in
// flight get Config.ShutdownTimeout to finish, then connections are closed.
func (s *Server) Close() error {
	s.mu.Lock()
	srv := s.srv
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if err != nil {
		srv.Close()
	}
	return err
}

// Wait blocks until ctx is done, then closes the server gracefully; or
// until serving fails, and returns that error.
func (s *Server) Wait(ctx context.Context) error {
	s.mu.Lock()
	done := s.serveErr
	s.mu.Unlock()
	if done == nil {
		return parallax.Errorf(parallax.EINVALID, "serve: not open")
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		err := s.Close()
		<-done
		return err
	}
}

// ListenAndServe opens the server and serves until ctx is done, then shuts
// down gracefully.
func (s *Server) ListenAndServe(ctx context.Context) error {
	if err := s.Open(); err != nil {
		return err
	}
	return s.Wait(ctx)
}
