package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

// fakeClock stands still until slept on, and remembers every sleep.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 4, 17, 9, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.slept = append(f.slept, d)
	f.now = f.now.Add(d)
	return ctx.Err()
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

func (f *fakeClock) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

// mapResolver resolves names from a table, the way a hostile DNS server
// might.
type mapResolver map[string]string

func (m mapResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	ip, ok := m[strings.ToLower(host)]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return []net.IPAddr{{IP: net.ParseIP(ip)}}, nil
}

// site is a test web server that counts what it is asked for.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	hits     map[string]int
	agents   []string
	lastHdrs http.Header
}

func newSite(t *testing.T, routes map[string]http.HandlerFunc) *site {
	t.Helper()
	s := &site{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.agents = append(s.agents, r.UserAgent())
		s.lastHdrs = r.Header.Clone()
		s.mu.Unlock()
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) port() string {
	u, _ := url.Parse(s.URL)
	return u.Port()
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

func redirect(to string, code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
}

// testOptions are what the end-to-end tests start from: the servers are on
// 127.0.0.1, and nobody should wait for real.
func testOptions() Options {
	return Options{AllowPrivate: true, Clock: newFakeClock()}
}

// checkError checks that err is a one-line *Error with code and a message
// holding want.
func checkError(t *testing.T, err error, code, want string) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *fetch.Error", err, err)
	}
	if got := parallax.ErrorCode(err); got != code {
		t.Errorf("error %q has code %q, want %q", err, got, code)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q spans lines", err)
	}
	if parallax.ErrorMessage(err) != err.Error() {
		t.Errorf("ErrorMessage %q differs from %q", parallax.ErrorMessage(err), err)
	}
	return fe
}

func TestGet(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/news/a": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Thu, 17 Apr 2025 08:00:00 GMT")
			text("<html><body>Ferry cancelled</body></html>")(w, r)
		},
	})
	c := New(testOptions())
	res, err := c.Get(context.Background(), s.URL+"/news/a#top", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || res.NotModified || string(res.Body) != "<html><body>Ferry cancelled</body></html>" ||
		res.ContentType != "text/html; charset=utf-8" || res.FinalURL != s.URL+"/news/a" ||
		res.ETag != `"v1"` || res.LastModified != "Thu, 17 Apr 2025 08:00:00 GMT" {
		t.Errorf("response = %+v", res)
	}
	if s.hit("/robots.txt") != 1 || s.hit("/news/a") != 1 {
		t.Errorf("hits = %v", s.hits)
	}
	for _, ua := range s.agents {
		if ua != DefaultUserAgent {
			t.Errorf("User-Agent %q, want %q", ua, DefaultUserAgent)
		}
	}
	if h := s.lastHdrs; h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" || !strings.Contains(h.Get("Accept"), "text/html") {
		t.Errorf("request headers = %v", h)
	}

	// A user agent of one's own is sent as given.
	opt := testOptions()
	opt.UserAgent = "parallax-test/9 (+https://example.org)"
	if _, err := New(opt).Get(context.Background(), s.URL+"/news/a", Conditional{}); err != nil {
		t.Fatal(err)
	}
	if ua := s.agents[len(s.agents)-1]; ua != opt.UserAgent {
		t.Errorf("User-Agent %q, want %q", ua, opt.UserAgent)
	}
}

func TestConditionalGet(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/feed": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == `"v2"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			if r.Header.Get("If-Modified-Since") == "Thu, 17 Apr 2025 08:00:00 GMT" {
				w.Header().Set("ETag", `"v3"`)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v2"`)
			fmt.Fprint(w, "<rss/>")
		},
	})
	c := New(testOptions())
	ctx := context.Background()
	res, err := c.Get(ctx, s.URL+"/feed", Conditional{})
	if err != nil || res.NotModified || res.ETag != `"v2"` || string(res.Body) != "<rss/>" {
		t.Fatalf("first = %+v, %v", res, err)
	}
	res, err = c.Get(ctx, s.URL+"/feed", Conditional{ETag: res.ETag, LastModified: "Wed, 16 Apr 2025 08:00:00 GMT"})
	if err != nil || !res.NotModified || res.StatusCode != 304 || res.Body != nil ||
		res.ETag != `"v2"` || res.LastModified != "Wed, 16 Apr 2025 08:00:00 GMT" {
		t.Fatalf("conditional = %+v, %v", res, err)
	}
	if h := s.lastHdrs; h.Get("If-None-Match") != `"v2"` || h.Get("If-Modified-Since") != "Wed, 16 Apr 2025 08:00:00 GMT" {
		t.Errorf("conditional headers = %v", h)
	}
	// New validators in a 304 replace the old ones.
	res, err = c.Get(ctx, s.URL+"/feed", Conditional{LastModified: "Thu, 17 Apr 2025 08:00:00 GMT"})
	if err != nil || !res.NotModified || res.ETag != `"v3"` {
		t.Fatalf("304 with a new ETag = %+v, %v", res, err)
	}
}

func TestPrivateRefused(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/": text("hello")})
	c := New(Options{Clock: newFakeClock()}) // AllowPrivate off
	ctx := context.Background()

	_, err := c.Get(ctx, s.URL+"/", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/": refusing private address 127.0.0.1 (use --allow-private)`, s.URL))

	// The exact message for the example in the documentation.
	_, err = c.Get(ctx, "http://127.0.0.1/", Conditional{})
	if err == nil || err.Error() != `fetch "http://127.0.0.1/": refusing private address 127.0.0.1 (use --allow-private)` {
		t.Errorf("error = %v", err)
	}

	// A name that resolves to a private address is refused when dialled:
	// DNS rebinding gets nowhere.
	opt := Options{Clock: newFakeClock(), Resolver: mapResolver{"news.example": "127.0.0.1", "v6.example": "::1", "mapped.example": "::ffff:10.1.2.3"}}
	c = New(opt)
	for host, ip := range map[string]string{"news.example": "127.0.0.1", "v6.example": "::1", "mapped.example": "10.1.2.3"} {
		u := "http://" + host + ":" + s.port() + "/"
		_, err = c.Get(ctx, u, Conditional{})
		checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch %q: refusing private address %s (use --allow-private)`, u, ip))
	}
	if n := s.hit("/") + s.hit("/robots.txt"); n != 0 {
		t.Errorf("the server was reached %d times", n)
	}

	// With AllowPrivate the same name is fetched.
	opt.AllowPrivate = true
	res, err := New(opt).Get(ctx, "http://news.example:"+s.port()+"/", Conditional{})
	if err != nil || string(res.Body) != "hello" {
		t.Errorf("with AllowPrivate: %+v, %v", res, err)
	}
}

func TestBadURLs(t *testing.T) {
	c := New(testOptions())
	for _, tt := range []struct{ url, want string }{
		{"ftp://example.com/file", `fetch "ftp://example.com/file": only http and https URLs can be fetched, not ftp`},
		{"file:///etc/passwd", `fetch "file:///etc/passwd": only http and https URLs can be fetched, not file`},
		{"example.com/news", `fetch "example.com/news": not an absolute http or https URL`},
		{"http:///nohost", `fetch "http:///nohost": the URL has no host`},
		{"http://[::1", `fetch "http://[::1": invalid URL`},
	} {
		_, err := c.Get(context.Background(), tt.url, Conditional{})
		checkError(t, err, parallax.EINVALID, tt.want)
	}
}

func TestIsBlocked(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "127.8.9.10": true, "10.0.0.1": true, "172.16.5.4": true, "172.32.0.1": false,
		"192.168.1.1": true, "169.254.169.254": true, "100.64.0.1": true, "100.127.255.254": true, "100.128.0.1": false,
		"0.0.0.0": true, "255.255.255.255": true, "224.0.0.1": true, "239.1.2.3": true, "192.0.2.10": true,
		"8.8.8.8": false, "93.184.216.34": false, "1.1.1.1": false,
		"::1": true, "::": true, "fe80::1": true, "fc00::1": true, "fd12:3456::1": true, "ff02::1": true, "fec0::1": true,
		"::ffff:127.0.0.1": true, "::ffff:8.8.8.8": false, "64:ff9b::a00:1": true, "64:ff9b::808:808": false,
		"2606:4700:4700::1111": false, "2001:db8::1": true,
	} {
		if got := isBlocked(netip.MustParseAddr(addr)); got != want {
			t.Errorf("isBlocked(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestRedirects(t *testing.T) {
	var s *site
	s = newSite(t, map[string]http.HandlerFunc{
		"/r1":    redirect("/r2", http.StatusMovedPermanently),
		"/r2":    redirect("/r3", http.StatusFound),
		"/r3":    redirect("/final?x=1", http.StatusTemporaryRedirect),
		"/final": text("arrived"),
		"/loop":  redirect("/loop", http.StatusFound),
		"/ftp":   redirect("ftp://example.com/x", http.StatusFound),
		"/nowhere": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusFound)
		},
		"/to-private": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://10.0.0.1:"+s.port()+"/admin", http.StatusFound)
		},
		"/to-rebind": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://intranet.example:"+s.port()+"/admin", http.StatusFound)
		},
		"/to-public-name": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://public.example:"+s.port()+"/final", http.StatusFound)
		},
	})
	ctx := context.Background()
	c := New(testOptions())

	res, err := c.Get(ctx, s.URL+"/r1", Conditional{})
	if err != nil || string(res.Body) != "arrived" || res.FinalURL != s.URL+"/final?x=1" {
		t.Fatalf("three redirects = %+v, %v", res, err)
	}

	opt := testOptions()
	opt.MaxRedirects = 2
	_, err = New(opt).Get(ctx, s.URL+"/r1", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/r1": more than 2 redirects`, s.URL))
	_, err = c.Get(ctx, s.URL+"/loop", Conditional{})
	checkError(t, err, parallax.EINVALID, "more than 5 redirects")
	opt.MaxRedirects = -1
	_, err = New(opt).Get(ctx, s.URL+"/r3", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/r3": redirected to "%s/final?x=1", and redirects are not followed`, s.URL, s.URL))

	_, err = c.Get(ctx, s.URL+"/ftp", Conditional{})
	checkError(t, err, parallax.EINVALID, `redirected to "ftp://example.com/x", only http and https URLs can be fetched, not ftp`)
	_, err = c.Get(ctx, s.URL+"/nowhere", Conditional{})
	checkError(t, err, parallax.EINVALID, "HTTP 302 redirect without a Location")

	// The servers all live on 127.0.0.1; here the guard lets that one
	// address through, as if it were public, and refuses the rest.
	opt = Options{Clock: newFakeClock(), Resolver: mapResolver{"intranet.example": "192.168.0.10", "public.example": "127.0.0.1"}}
	c = New(opt)
	c.blocked = func(a netip.Addr) bool { return a != netip.MustParseAddr("127.0.0.1") && isBlocked(a) }
	res, err = c.Get(ctx, s.URL+"/to-public-name", Conditional{})
	if err != nil || string(res.Body) != "arrived" {
		t.Fatalf("redirect to a public name = %+v, %v", res, err)
	}
	before := s.hit("/admin")
	_, err = c.Get(ctx, s.URL+"/to-private", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/to-private": redirected to "http://10.0.0.1:%s/admin": refusing private address 10.0.0.1 (use --allow-private)`, s.URL, s.port()))
	_, err = c.Get(ctx, s.URL+"/to-rebind", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/to-rebind": redirected to "http://intranet.example:%s/admin": refusing private address 192.168.0.10 (use --allow-private)`, s.URL, s.port()))
	if s.hit("/admin") != before {
		t.Error("a refused redirect reached the server")
	}
}

func TestSizeCap(t *testing.T) {
	big := strings.Repeat("x", 2000)
	s := newSite(t, map[string]http.HandlerFunc{
		"/big":   text(big),
		"/exact": text(big[:1000]),
		"/stream": func(w http.ResponseWriter, r *http.Request) {
			// No Content-Length: the cap is found while reading.
			for range 20 {
				fmt.Fprint(w, big[:100])
				w.(http.Flusher).Flush()
			}
		},
	})
	opt := testOptions()
	opt.MaxBytes = 1000
	c := New(opt)
	ctx := context.Background()
	_, err := c.Get(ctx, s.URL+"/big", Conditional{})
	checkError(t, err, parallax.ETOOLARGE, fmt.Sprintf(`fetch "%s/big": response is 1 KB, over the 1000 bytes limit`, s.URL))
	_, err = c.Get(ctx, s.URL+"/stream", Conditional{})
	checkError(t, err, parallax.ETOOLARGE, fmt.Sprintf(`fetch "%s/stream": response is over the 1000 bytes limit`, s.URL))
	res, err := c.Get(ctx, s.URL+"/exact", Conditional{})
	if err != nil || len(res.Body) != 1000 {
		t.Errorf("a body at the limit: %v", err)
	}
}

func TestStatusErrors(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/gone":  func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) },
		"/busy":  func(w http.ResponseWriter, r *http.Request) { w.Header().Set("Retry-After", "120"); w.WriteHeader(503) },
		"/slow":  func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTooManyRequests) },
		"/login": func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) },
		"/moved": redirect("/missing", http.StatusMovedPermanently),
	})
	c := New(testOptions())
	ctx := context.Background()
	for _, tt := range []struct {
		path, code, want string
		status           int
		temporary        bool
		retry            time.Duration
	}{
		{"/missing", parallax.ENOTFOUND, "HTTP 404 Not Found", 404, false, 0},
		{"/gone", parallax.ENOTFOUND, "HTTP 410 Gone", 410, false, 0},
		{"/busy", parallax.EINVALID, "HTTP 503 Service Unavailable", 503, true, 2 * time.Minute},
		{"/slow", parallax.EINVALID, "HTTP 429 Too Many Requests", 429, true, 0},
		{"/login", parallax.EINVALID, "HTTP 403 Forbidden", 403, false, 0},
		{"/moved", parallax.ENOTFOUND, fmt.Sprintf(`HTTP 404 Not Found from "%s/missing"`, s.URL), 404, false, 0},
	} {
		_, err := c.Get(ctx, s.URL+tt.path, Conditional{})
		fe := checkError(t, err, tt.code, fmt.Sprintf("fetch %q: %s", s.URL+tt.path, tt.want))
		if fe.StatusCode != tt.status || fe.Temporary != tt.temporary || fe.RetryAfter != tt.retry || fe.URL != s.URL+tt.path {
			t.Errorf("%s: error %+v", tt.path, fe)
		}
	}

	// Nobody listening.
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	_, err := c.Get(ctx, dead.URL+"/x", Conditional{})
	if fe := checkError(t, err, parallax.EINVALID, fmt.Sprintf("fetch %q: connection refused", dead.URL+"/x")); !fe.Temporary {
		t.Errorf("connection refused is not temporary: %+v", fe)
	}
	// An unknown host.
	opt := testOptions()
	opt.Resolver = mapResolver{}
	_, err = New(opt).Get(ctx, "http://nowhere.example/", Conditional{})
	checkError(t, err, parallax.ENOTFOUND, `fetch "http://nowhere.example/": no such host nowhere.example`)
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	s := newSite(t, map[string]http.HandlerFunc{
		"/hang": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		},
		"/trickle": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "100")
			fmt.Fprint(w, "start")
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
		},
	})
	defer close(release)
	opt := testOptions()
	opt.Timeout = 100 * time.Millisecond
	opt.IgnoreRobots = true
	c := New(opt)
	for _, path := range []string{"/hang", "/trickle"} {
		start := time.Now()
		_, err := c.Get(context.Background(), s.URL+path, Conditional{})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: gave up after %v", path, d)
		}
		fe := checkError(t, err, parallax.EINVALID, fmt.Sprintf("fetch %q: timed out after 100ms", s.URL+path))
		if !fe.Temporary {
			t.Errorf("%s: a timeout is not temporary", path)
		}
	}

	// The caller's own cancellation comes back as the context's error.
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	opt.Timeout = time.Minute
	_, err := New(opt).Get(ctx, s.URL+"/hang", Conditional{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Get = %v", err)
	}
}

func TestRobots(t *testing.T) {
	robots := "User-agent: *\nDisallow: /\n\nUser-agent: parallax\nDisallow: /private/\nAllow: /private/open\nCrawl-delay: 3\n"
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt":     text(robots),
		"/news/a":         text("a"),
		"/private/x":      text("x"),
		"/private/open/y": text("y"),
		"/to-private":     redirect("/private/x", http.StatusFound),
	})
	clock := newFakeClock()
	opt := Options{AllowPrivate: true, Clock: clock}
	c := New(opt)
	ctx := context.Background()
	if _, err := c.Get(ctx, s.URL+"/news/a", Conditional{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, s.URL+"/private/open/y", Conditional{}); err != nil {
		t.Fatal(err)
	}
	_, err := c.Get(ctx, s.URL+"/private/x", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/private/x": disallowed by %s/robots.txt`, s.URL, s.URL))
	_, err = c.Get(ctx, s.URL+"/to-private", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/to-private": redirected to "%s/private/x", which %s/robots.txt disallows`, s.URL, s.URL, s.URL))
	if s.hit("/private/x") != 0 {
		t.Error("a disallowed page was fetched")
	}
	if n := s.hit("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
	// The site's Crawl-delay of 3 s is longer than the default 1 s.
	if got := clock.sleeps(); fmt.Sprint(got) != "[3s 3s]" {
		t.Errorf("sleeps = %v, want [3s 3s]", got)
	}

	// After a day the rules are read again.
	clock.advance(25 * time.Hour)
	if _, err := c.Get(ctx, s.URL+"/news/a", Conditional{}); err != nil {
		t.Fatal(err)
	}
	if n := s.hit("/robots.txt"); n != 2 {
		t.Errorf("robots.txt fetched %d times after expiry, want twice", n)
	}

	// IgnoreRobots does not ask.
	opt.IgnoreRobots = true
	if _, err := New(opt).Get(ctx, s.URL+"/private/x", Conditional{}); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
	if n := s.hit("/robots.txt"); n != 2 {
		t.Errorf("robots.txt fetched with IgnoreRobots")
	}
}

func TestRobotsUnavailable(t *testing.T) {
	var status atomic.Int32
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			if st := int(status.Load()); st != 200 {
				w.WriteHeader(st)
				return
			}
			fmt.Fprint(w, "User-agent: *\nDisallow: /x\n")
		},
		"/page":        text("page"),
		"/x":           text("x"),
		"/robots-away": redirect("/robots.txt", http.StatusMovedPermanently),
	})
	ctx := context.Background()
	for _, tt := range []struct {
		status int
		want   string // "" when /page is fetched
	}{
		{404, ""}, {401, ""}, {403, ""}, {410, ""},
		{500, "robots.txt could not be read (HTTP 500), so the site is off limits until it can be"},
		{503, "robots.txt could not be read (HTTP 503)"},
		{429, "robots.txt could not be read (HTTP 429)"},
	} {
		status.Store(int32(tt.status))
		_, err := New(testOptions()).Get(ctx, s.URL+"/page", Conditional{})
		if tt.want == "" {
			if err != nil {
				t.Errorf("robots.txt %d: %v", tt.status, err)
			}
			continue
		}
		fe := checkError(t, err, parallax.EINVALID, fmt.Sprintf(`fetch "%s/page": %s/%s`, s.URL, s.URL, tt.want))
		if !fe.Temporary {
			t.Errorf("robots.txt %d: not temporary", tt.status)
		}
	}

	// An unreadable robots.txt is asked for again after a few minutes.
	clock := newFakeClock()
	c := New(Options{AllowPrivate: true, Clock: clock})
	status.Store(503)
	if _, err := c.Get(ctx, s.URL+"/page", Conditional{}); err == nil {
		t.Fatal("fetched with robots.txt failing")
	}
	status.Store(200)
	if _, err := c.Get(ctx, s.URL+"/page", Conditional{}); err == nil {
		t.Fatal("the failure was not cached")
	}
	clock.advance(robotsErrorTTL)
	if _, err := c.Get(ctx, s.URL+"/page", Conditional{}); err != nil {
		t.Fatalf("after the error TTL: %v", err)
	}
	if _, err := c.Get(ctx, s.URL+"/x", Conditional{}); err == nil {
		t.Fatal("/x is disallowed once robots.txt is read")
	}

	// No server at all: the page is not fetched, and the error says why.
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	_, err := New(testOptions()).Get(ctx, dead.URL+"/page", Conditional{})
	checkError(t, err, parallax.EINVALID, fmt.Sprintf("fetch %q: connection refused", dead.URL+"/page"))
}

func TestRobotsCachePruned(t *testing.T) {
	clock := newFakeClock()
	c := New(Options{Clock: clock})
	for i := range maxRobotsEntries {
		e := &robotsEntry{ready: make(chan struct{}), expires: clock.Now().Add(time.Duration(i%2) * time.Hour)}
		close(e.ready)
		c.robots[fmt.Sprintf("https://h%d.example/robots.txt", i)] = e
	}
	loading := &robotsEntry{ready: make(chan struct{})}
	c.robots["https://loading.example/robots.txt"] = loading
	c.mu.Lock()
	c.pruneRobots()
	c.mu.Unlock()
	if n := len(c.robots); n != maxRobotsEntries/2+1 {
		t.Errorf("%d entries left, want the %d unexpired and the one loading", n, maxRobotsEntries/2+1)
	}
}

func TestRobotsConcurrent(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(20 * time.Millisecond)
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		},
		"/p": text("p"),
	})
	c := New(testOptions())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), s.URL+"/p", Conditional{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := s.hit("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times by 8 callers, want once", n)
	}
}

func TestPoliteness(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/p": text("p")})
	clock := newFakeClock()
	opt := Options{AllowPrivate: true, Clock: clock, IgnoreRobots: true,
		Resolver: mapResolver{"a.example": "127.0.0.1", "b.example": "127.0.0.1"}}
	c := New(opt)
	ctx := context.Background()
	get := func(host string) {
		t.Helper()
		if _, err := c.Get(ctx, "http://"+host+":"+s.port()+"/p", Conditional{}); err != nil {
			t.Fatal(err)
		}
	}
	get("a.example")
	get("b.example") // another host: no wait
	get("a.example") // a second after the first request to a.example
	get("A.EXAMPLE") // host names are compared without case
	clock.advance(5 * time.Second)
	get("a.example") // long enough ago
	if got := fmt.Sprint(clock.sleeps()); got != "[1s 1s]" {
		t.Errorf("sleeps = %s, want [1s 1s]", got)
	}

	// Callers arriving together queue up one delay apart.
	clock = newFakeClock()
	opt.Clock, opt.PerHostDelay = clock, 2*time.Second
	c = New(opt)
	for range 3 {
		if err := c.wait(ctx, "a.example", opt.PerHostDelay); err != nil {
			t.Fatal(err)
		}
		clock.mu.Lock()
		if n := len(clock.slept); n > 0 {
			clock.now = clock.now.Add(-clock.slept[n-1]) // as if nobody had waited yet
		}
		clock.mu.Unlock()
	}
	if got := fmt.Sprint(clock.sleeps()); got != "[2s 4s]" {
		t.Errorf("queued sleeps = %s, want [2s 4s]", got)
	}

	// A negative delay turns politeness off.
	clock = newFakeClock()
	opt.Clock, opt.PerHostDelay = clock, -1
	c = New(opt)
	get("a.example")
	get("a.example")
	if len(clock.sleeps()) != 0 {
		t.Errorf("sleeps = %v with no delay", clock.sleeps())
	}

	// A cancelled wait returns the context's error.
	ctx2, cancel := context.WithCancel(ctx)
	cancel()
	real := New(Options{AllowPrivate: true, IgnoreRobots: true, PerHostDelay: time.Hour})
	_ = real.wait(context.Background(), "a.example", time.Hour)
	if err := real.wait(ctx2, "a.example", time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait = %v", err)
	}
}

func TestBackoff(t *testing.T) {
	for _, tt := range []struct {
		failures int
		want     time.Duration
	}{
		{-1, 0}, {0, 0}, {1, time.Minute}, {2, 2 * time.Minute}, {3, 4 * time.Minute}, {8, 128 * time.Minute},
		{11, 1024 * time.Minute}, {12, 24 * time.Hour}, {40, 24 * time.Hour}, {1 << 30, 24 * time.Hour},
	} {
		if got := Backoff(tt.failures); got != tt.want {
			t.Errorf("Backoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
	p := BackoffPolicy{Base: time.Minute, Max: time.Hour, Jitter: 0.5}
	for _, tt := range []struct {
		r    float64
		want time.Duration
	}{{0, 3 * time.Minute}, {0.5, 4 * time.Minute}, {0.999999, 5 * time.Minute}} {
		p.Rand = func() float64 { return tt.r }
		if got := p.Delay(3).Round(time.Second); got != tt.want {
			t.Errorf("jitter %v: %v, want %v", tt.r, got, tt.want)
		}
	}
	p.Rand = nil
	for range 100 {
		if d := p.Delay(20); d < 45*time.Minute || d > 75*time.Minute {
			t.Fatalf("jittered cap %v outside [45m, 75m]", d)
		}
	}
}
