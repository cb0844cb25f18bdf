// Package fetch gets the pages and feeds a user asked for, safely and
// politely by default:
//
//   - only http and https URLs, and only public addresses: private,
//     loopback, link-local, carrier-grade NAT and other non-public
//     addresses are refused when the connection is made, on the address
//     the name resolved to, so DNS rebinding and redirects to them are
//     caught too (Options.AllowPrivate lifts this);
//   - robots.txt is read once per site and obeyed (Options.IgnoreRobots);
//   - requests to one host are spaced by Options.PerHostDelay, or by the
//     site's Crawl-delay when longer;
//   - bodies, redirects and time are bounded, and the User-Agent says who
//     we are.
//
// Every error is a one-line *Error naming the URL, which unwraps to a
// *parallax.Error so that parallax.ErrorCode and ErrorMessage work on it.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallaxnews/parallax"
)

// Defaults for the zero Options.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "parallax/0.1 (+https://github.com/parallaxnews/parallax)"
	DefaultPerHostDelay = time.Second
	DefaultRobotsTTL    = 24 * time.Hour
	// robotsErrorTTL is how long an unreadable robots.txt (5xx, no answer)
	// keeps a site off limits before it is asked for again.
	robotsErrorTTL = 10 * time.Minute
)

// Options tunes a Client. The zero value is safe and polite.
type Options struct {
	// Timeout bounds one request: connecting, the response and reading the
	// body. Each redirect hop gets its own. 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest body read; a bigger one is an ETOOLARGE
	// error. 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed; 0 means
	// DefaultMaxRedirects and a negative value follows none.
	MaxRedirects int
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// AllowPrivate lets requests reach private, loopback and other
	// non-public addresses (a feed on the local network, tests).
	AllowPrivate bool
	// IgnoreRobots skips robots.txt. The zero value respects it.
	IgnoreRobots bool
	// PerHostDelay is the least time between the starts of two requests
	// to one host; 0 means DefaultPerHostDelay and a negative value none.
	// A longer Crawl-delay in the site's robots.txt wins.
	PerHostDelay time.Duration
	// RobotsTTL is how long a robots.txt is trusted; 0 means DefaultRobotsTTL.
	RobotsTTL time.Duration
	// Clock tells the time and waits; nil means the real clock.
	Clock Clock
	// Resolver looks up host names; nil means net.DefaultResolver.
	Resolver Resolver
	// Transport, when set, replaces the HTTP transport, and with it the
	// dial-time address guard (URLs naming an IP address are still
	// checked). Meant for tests.
	Transport http.RoundTripper
}

// Clock is the time source: tests use a fake one so that waiting costs
// nothing and can be checked.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, returning ctx's error then.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Conditional holds the validators of a copy already held, for a
// conditional GET: the server answers 304 Not Modified when it is current.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a successful fetch: a 2xx with its body, or a 304.
type Response struct {
	StatusCode int
	// NotModified is true for a 304 answer to a conditional GET; Body is
	// then nil and ETag and LastModified are the new validators, or the
	// ones sent when the server repeated none.
	NotModified bool
	Body        []byte
	ContentType string
	// FinalURL is the URL that answered, after redirects.
	FinalURL     string
	ETag         string
	LastModified string
	Header       http.Header
}

// Error is a failed fetch. Its message is one line naming the URL asked
// for, and it unwraps to a *parallax.Error holding the code.
type Error struct {
	URL string
	// StatusCode is the HTTP status when the server answered with an error.
	StatusCode int
	// Temporary is true when trying again later may succeed: no answer, a
	// timeout, a 5xx or 429, an unreadable robots.txt.
	Temporary bool
	// RetryAfter is the wait a 429 or 503 asked for, 0 when none.
	RetryAfter time.Duration
	err        *parallax.Error
	blocked    *blockedError // set when the address guard refused it
}

func (e *Error) Error() string { return e.err.Message }

// Unwrap gives the *parallax.Error, for parallax.ErrorCode and errors.As.
func (e *Error) Unwrap() error { return e.err }

// Client fetches URLs. It is safe for concurrent use.
type Client struct {
	opt     Options
	hc      *http.Client
	clock   Clock
	blocked func(netip.Addr) bool // the address guard; nil with AllowPrivate

	mu     sync.Mutex
	next   map[string]time.Time // per host: when the next request may start
	robots map[string]*robotsEntry
}

// New returns a client for opt.
func New(opt Options) *Client {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	} else if opt.MaxRedirects < 0 {
		opt.MaxRedirects = 0
	}
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.PerHostDelay == 0 {
		opt.PerHostDelay = DefaultPerHostDelay
	} else if opt.PerHostDelay < 0 {
		opt.PerHostDelay = 0
	}
	if opt.RobotsTTL <= 0 {
		opt.RobotsTTL = DefaultRobotsTTL
	}
	c := &Client{opt: opt, clock: opt.Clock, next: map[string]time.Time{}, robots: map[string]*robotsEntry{}}
	if c.clock == nil {
		c.clock = realClock{}
	}
	if !opt.AllowPrivate {
		c.blocked = isBlocked
	}
	rt := opt.Transport
	if rt == nil {
		resolver := opt.Resolver
		if resolver == nil {
			resolver = net.DefaultResolver
		}
		// The guard is read through c, so tests may swap it after New.
		dl := newDialer(resolver, func(a netip.Addr) bool { return c.blocked != nil && c.blocked(a) })
		rt = &http.Transport{
			Proxy:                 nil, // a proxy would make the guard check the proxy, not the site
			DialContext:           dl.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          64,
			MaxIdleConnsPerHost:   4,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	c.hc = &http.Client{
		Transport: rt,
		// Redirects are followed by Get itself, hop by hop, so that each
		// hop is checked against the scheme rule and robots.txt.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c
}

// Get fetches rawURL. A 2xx answer comes back with its body, a 304 (to
// cond's validators) as NotModified; anything else is an *Error: a 404 or
// 410 is ENOTFOUND, a body over MaxBytes ETOOLARGE, the rest EINVALID. When
// ctx is cancelled its error is returned as it is.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := c.checkURL(rawURL, rawURL, "")
	if err != nil {
		return nil, err
	}
	via := "" // the URL being fetched when a redirect led there
	for hop := 0; ; hop++ {
		delay := c.opt.PerHostDelay
		if !c.opt.IgnoreRobots {
			rb, err := c.robotsFor(ctx, rawURL, via, u)
			if err != nil {
				return nil, err
			}
			if !rb.allowed(u.EscapedPath() + query(u)) {
				msg := fmt.Sprintf("fetch %q: disallowed by %s", rawURL, robotsURL(u))
				if via != "" {
					msg = fmt.Sprintf("fetch %q: redirected to %q, which %s disallows", rawURL, via, robotsURL(u))
				}
				return nil, &Error{URL: rawURL, err: parallax.Errorf(parallax.EINVALID, "%s", msg)}
			}
			delay = max(delay, rb.crawlDelay)
		}
		if err := c.wait(ctx, u.Hostname(), delay); err != nil {
			return nil, err
		}
		res, err := c.do(ctx, rawURL, via, u, cond, c.opt.MaxBytes, false)
		if err != nil {
			return nil, err
		}
		if res.location == "" {
			return res.Response, nil
		}
		if hop >= c.opt.MaxRedirects {
			msg := fmt.Sprintf("fetch %q: more than %d redirects", rawURL, c.opt.MaxRedirects)
			if c.opt.MaxRedirects == 0 {
				msg = fmt.Sprintf("fetch %q: redirected to %q, and redirects are not followed", rawURL, res.location)
			}
			return nil, &Error{URL: rawURL, StatusCode: res.StatusCode, err: parallax.Errorf(parallax.EINVALID, "%s", msg)}
		}
		if u, err = c.checkURL(rawURL, res.location, "redirected to "); err != nil {
			return nil, err
		}
		via = u.String()
	}
}

// result is one hop's answer: a final response or a redirect.
type result struct {
	*Response
	location string // the resolved Location of a 3xx, "" otherwise
}

// do makes one request to u and reads the whole answer within the timeout.
// rawURL is what the caller asked for, which errors name, and via is u
// when a redirect led to it. Robots fetches truncate the body at max
// instead of failing.
func (c *Client) do(ctx context.Context, rawURL, via string, u *url.URL, cond Conditional, max int64, truncate bool) (*result, error) {
	rctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, invalid(rawURL, "%s", oneLine(err.Error()))
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, rawURL, via, err)
	}
	defer resp.Body.Close()

	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		loc := resp.Header.Get("Location")
		if loc == "" {
			return nil, &Error{URL: rawURL, StatusCode: resp.StatusCode, err: parallax.Errorf(parallax.EINVALID,
				"fetch %q: HTTP %d redirect without a Location", rawURL, resp.StatusCode)}
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, invalid(rawURL, "redirected to an invalid URL %q", loc)
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return &result{Response: &Response{StatusCode: resp.StatusCode}, location: next.String()}, nil
	case http.StatusNotModified:
		r := &Response{StatusCode: resp.StatusCode, NotModified: true, FinalURL: u.String(), Header: resp.Header,
			ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), ContentType: resp.Header.Get("Content-Type")}
		if r.ETag == "" {
			r.ETag = cond.ETag
		}
		if r.LastModified == "" {
			r.LastModified = cond.LastModified
		}
		return &result{Response: r}, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, statusError(rawURL, via, resp, c.clock.Now())
	}
	if resp.ContentLength > max && !truncate {
		return nil, tooLarge(rawURL, resp.ContentLength, max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, c.transportError(ctx, rawURL, via, err)
	}
	if int64(len(body)) > max {
		if !truncate {
			return nil, tooLarge(rawURL, -1, max)
		}
		body = body[:max]
	}
	return &result{Response: &Response{
		StatusCode:   resp.StatusCode,
		Body:         body,
		ContentType:  resp.Header.Get("Content-Type"),
		FinalURL:     u.String(),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Header:       resp.Header,
	}}, nil
}

// checkURL parses target (the URL asked for, or a redirect's target) and
// refuses what may not be fetched: other schemes, no host, an IP address
// the guard refuses. how prefixes what is said about target in errors.
func (c *Client) checkURL(rawURL, target, how string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(target))
	if err != nil {
		return nil, invalid(rawURL, "%sinvalid URL %q", how, target)
	}
	about := ""
	if how != "" {
		about = fmt.Sprintf("%s%q, ", how, target)
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		if u.Scheme == "" {
			return nil, invalid(rawURL, "%snot an absolute http or https URL", about)
		}
		return nil, invalid(rawURL, "%sonly http and https URLs can be fetched, not %s", about, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, invalid(rawURL, "%sthe URL has no host", about)
	}
	if ip, err := netip.ParseAddr(u.Hostname()); err == nil && c.blocked != nil && c.blocked(ip) {
		via := ""
		if how != "" {
			via = target
		}
		return nil, privateError(rawURL, via, &blockedError{ip})
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

func privateError(rawURL, via string, be *blockedError) *Error {
	about := ""
	if via != "" {
		about = fmt.Sprintf("redirected to %q: ", via)
	}
	return &Error{URL: rawURL, blocked: be, err: parallax.Errorf(parallax.EINVALID,
		"fetch %q: %srefusing private address %s (use --allow-private)", rawURL, about, be.addr.Unmap())}
}

// transportError turns a failed request into an *Error, or ctx's own
// error when the caller gave up.
func (c *Client) transportError(ctx context.Context, rawURL, via string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var be *blockedError
	if errors.As(err, &be) {
		return privateError(rawURL, via, be)
	}
	e := &Error{URL: rawURL, Temporary: true}
	var dns *net.DNSError
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		e.err = parallax.Errorf(parallax.EINVALID, "fetch %q: timed out after %s", rawURL, c.opt.Timeout)
	case errors.As(err, &dns) && dns.IsNotFound:
		e.err = parallax.Errorf(parallax.ENOTFOUND, "fetch %q: no such host %s", rawURL, dns.Name)
	default:
		e.err = parallax.Errorf(parallax.EINVALID, "fetch %q: %s", rawURL, netErrText(err))
	}
	return e
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// netErrText is the innermost useful part of a network error: "connection
// refused" rather than `Get "…": dial tcp 1.2.3.4:80: connect: connection refused`.
func netErrText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		err = oe.Err
		if se := errors.Unwrap(err); se != nil && strings.HasPrefix(err.Error(), "connect: ") {
			err = se
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "the server closed the connection"
	}
	return oneLine(err.Error())
}

// statusError reports an HTTP error status.
func statusError(rawURL, via string, resp *http.Response, now time.Time) error {
	e := &Error{URL: rawURL, StatusCode: resp.StatusCode}
	code := parallax.EINVALID
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		code = parallax.ENOTFOUND
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		e.Temporary = true
		e.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), now)
	}
	where := ""
	if via != "" {
		where = fmt.Sprintf(" from %q", via)
	}
	e.err = parallax.Errorf(code, "fetch %q: HTTP %s%s", rawURL, statusText(resp), where)
	return e
}

func statusText(resp *http.Response) string {
	if t := http.StatusText(resp.StatusCode); t != "" {
		return strconv.Itoa(resp.StatusCode) + " " + t
	}
	return strconv.Itoa(resp.StatusCode)
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func tooLarge(rawURL string, size, max int64) error {
	msg := fmt.Sprintf("fetch %q: response is over the %s limit", rawURL, humanSize(max))
	if size > 0 {
		msg = fmt.Sprintf("fetch %q: response is %s, over the %s limit", rawURL, humanSize(size), humanSize(max))
	}
	return &Error{URL: rawURL, err: parallax.Errorf(parallax.ETOOLARGE, "%s", msg)}
}

func invalid(rawURL, format string, args ...any) error {
	return &Error{URL: rawURL, err: parallax.Errorf(parallax.EINVALID, "fetch %q: %s", rawURL, fmt.Sprintf(format, args...))}
}

func query(u *url.URL) string {
	if u.RawQuery == "" && !u.ForceQuery {
		return ""
	}
	return "?" + u.RawQuery
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// wait holds a request to host until PerHostDelay (or delay, when longer)
// has passed since the start of the previous one. Each caller reserves its
// slot before sleeping, so concurrent callers queue up rather than all
// waking at once.
func (c *Client) wait(ctx context.Context, host string, delay time.Duration) error {
	host = strings.ToLower(host)
	c.mu.Lock()
	now := c.clock.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(delay)
	if len(c.next) > 4096 { // forget hosts whose slot has passed
		for h, t := range c.next {
			if t.Before(now) {
				delete(c.next, h)
			}
		}
	}
	c.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		return c.clock.Sleep(ctx, d)
	}
	return ctx.Err()
}

// robotsEntry is one site's robots.txt, loaded once by whoever asks first
// while the others wait on ready.
type robotsEntry struct {
	ready   chan struct{}
	rules   *robots
	err     *Error // the site is off limits (robots.txt unreadable) or unreachable
	blocked *blockedError
	expires time.Time
}

func robotsURL(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + u.Host + "/robots.txt"
}

// robotsFor returns the rules of u's site, loading its robots.txt when it
// is not cached or has expired. Per RFC 9309, a robots.txt answered with a
// 4xx means no rules; a 5xx or no answer means the whole site is off
// limits until it can be read.
func (c *Client) robotsFor(ctx context.Context, rawURL, via string, u *url.URL) (*robots, error) {
	key := robotsURL(u)
	c.mu.Lock()
	e := c.robots[key]
	if e != nil {
		select {
		case <-e.ready:
			if !c.clock.Now().Before(e.expires) {
				e = nil
			}
		default:
		}
	}
	if e == nil {
		if len(c.robots) >= maxRobotsEntries {
			c.pruneRobots()
		}
		e = &robotsEntry{ready: make(chan struct{})}
		c.robots[key] = e
		// Loaded apart from ctx, so that one caller giving up does not
		// spoil the entry for the others.
		go c.loadRobots(context.WithoutCancel(ctx), e, u)
	}
	c.mu.Unlock()
	select {
	case <-e.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if e.blocked != nil {
		return nil, privateError(rawURL, via, e.blocked)
	}
	if e.err != nil { // said of robots.txt: said again of rawURL
		err := *e.err
		err.URL = rawURL
		err.err = parallax.Errorf(e.err.err.Code, "fetch %q: %s", rawURL,
			strings.TrimPrefix(e.err.err.Message, fmt.Sprintf("fetch %q: ", e.err.URL)))
		return nil, &err
	}
	return e.rules, nil
}

// maxRobotsEntries is how many sites' robots.txt are kept before expired
// ones are dropped.
const maxRobotsEntries = 4096

// pruneRobots drops the loaded entries that have expired. c.mu is held.
func (c *Client) pruneRobots() {
	now := c.clock.Now()
	for k, e := range c.robots {
		select {
		case <-e.ready:
			if !now.Before(e.expires) {
				delete(c.robots, k)
			}
		default: // still loading
		}
	}
}

// loadRobots fetches a site's robots.txt, following up to five redirects,
// and fills e.
func (c *Client) loadRobots(ctx context.Context, e *robotsEntry, site *url.URL) {
	defer close(e.ready)
	ru := robotsURL(site)
	e.expires = c.clock.Now().Add(c.opt.RobotsTTL)
	u, _ := url.Parse(ru)
	via := ""
	for hop := 0; ; hop++ {
		res, err := c.do(ctx, ru, via, u, Conditional{}, maxRobotsSize, true)
		var fe *Error
		switch {
		case err == nil && res.location != "" && hop < 5:
			next, perr := url.Parse(res.location)
			if perr != nil || (next.Scheme != "http" && next.Scheme != "https") {
				e.rules = &robots{} // an unusable redirect: as if there were no robots.txt
				return
			}
			u, via = next, next.String()
			continue
		case err == nil && res.location != "":
			e.rules = &robots{} // too many redirects: RFC 9309 treats it as unavailable
			return
		case err == nil:
			e.rules = parseRobots(res.Body)
			return
		case errors.As(err, &fe) && fe.StatusCode >= 400 && fe.StatusCode < 500 && fe.StatusCode != http.StatusTooManyRequests:
			e.rules = &robots{} // unavailable: no rules
			return
		case errors.As(err, &fe) && fe.blocked != nil && via == "":
			// The site itself is at a refused address: say so, and let
			// the guard judge afresh next time.
			e.blocked, e.expires = fe.blocked, time.Time{}
			return
		}
		if errors.As(err, &fe) && fe.StatusCode == 0 && fe.blocked == nil && via == "" {
			// The site did not answer at all (no such host, refused,
			// timed out): that is the error the page would get too, so it
			// is reported as it is, and not kept.
			e.err, e.expires = fe, time.Time{}
			return
		}
		// An answer that is not robots.txt: the site is off limits for a
		// while.
		e.expires = c.clock.Now().Add(min(robotsErrorTTL, c.opt.RobotsTTL))
		why := "no answer"
		if errors.As(err, &fe) {
			switch {
			case fe.StatusCode != 0:
				why = "HTTP " + strconv.Itoa(fe.StatusCode)
			case fe.blocked != nil:
				why = "redirected to a private address"
			default:
				why = strings.TrimPrefix(fe.err.Message, fmt.Sprintf("fetch %q: ", ru))
			}
			e.err = &Error{URL: ru, Temporary: true, RetryAfter: fe.RetryAfter}
		} else {
			e.err = &Error{URL: ru, Temporary: true}
		}
		e.err.err = parallax.Errorf(parallax.EINVALID, "fetch %q: %s could not be read (%s), so the site is off limits until it can be", ru, ru, why)
		return
	}
}
