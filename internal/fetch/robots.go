package fetch

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Agent is the product token robots.txt files name us by: a group for
// "User-agent: parallax" applies to us, else the "*" group.
const Agent = "parallax"

// maxRobotsSize is how much of a robots.txt is read; RFC 9309 asks that at
// least 500 KiB be parsed, and what lies beyond is ignored.
const maxRobotsSize = 500 << 10

// maxCrawlDelay bounds the Crawl-delay a site may ask for.
const maxCrawlDelay = time.Minute

// robots is what a robots.txt says to our agent.
type robots struct {
	rules      []rule
	crawlDelay time.Duration
}

type rule struct {
	allow   bool
	pattern string // normalised: percent-escapes in upper case, non-ASCII escaped
}

// group is one run of User-agent lines and the rules that follow them.
type group struct {
	agents     []string
	rules      []rule
	crawlDelay time.Duration
}

// parseRobots reads a robots.txt (RFC 9309): groups of User-agent lines
// followed by Allow and Disallow rules; comments, unknown keys and rules
// before any User-agent are ignored. It keeps the rules of every group that
// names our agent, or failing that of every "*" group; none leaves the
// site open to us.
func parseRobots(data []byte) *robots {
	if len(data) > maxRobotsSize {
		data = data[:maxRobotsSize]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var groups []*group
	var cur *group
	inAgents := false // the previous meaningful line was a User-agent line
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(strings.TrimSpace(string(key)))
		v := strings.TrimSpace(string(value))
		switch k {
		case "user-agent", "useragent", "user agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, agentToken(v))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || v == "" {
				continue // a rule outside any group, or an empty one, means nothing
			}
			cur.rules = append(cur.rules, rule{allow: k == "allow", pattern: normalizePath(v)})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 {
					cur.crawlDelay = min(time.Duration(s*float64(time.Second)), maxCrawlDelay)
				}
			}
		default:
			// Sitemap and unknown keys do not end a run of User-agent
			// lines, nor belong to a group.
		}
	}
	r := &robots{}
	for _, want := range []string{Agent, "*"} {
		for _, g := range groups {
			for _, a := range g.agents {
				if a == want {
					r.rules = append(r.rules, g.rules...)
					r.crawlDelay = max(r.crawlDelay, g.crawlDelay)
					break
				}
			}
		}
		if matched(groups, want) {
			break // our own groups replace the "*" ones, even when empty
		}
	}
	return r
}

func matched(groups []*group, agent string) bool {
	for _, g := range groups {
		for _, a := range g.agents {
			if a == agent {
				return true
			}
		}
	}
	return false
}

// agentToken is the product token of a User-agent value, lower-cased:
// "Parallax/1.0" names "parallax".
func agentToken(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if strings.HasPrefix(v, "*") {
		return "*"
	}
	end := len(v)
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c == '-' || c == '_') {
			end = i
			break
		}
	}
	return v[:end]
}

// allowed reports whether path (the URL's escaped path and query) may be
// fetched: the rule with the longest matching pattern decides, Allow
// winning a tie; no matching rule allows. /robots.txt itself is always
// allowed.
func (r *robots) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" || r == nil {
		return true
	}
	path = normalizePath(path)
	best, allow := -1, true
	for _, ru := range r.rules {
		if len(ru.pattern) < best || !match(ru.pattern, path) {
			continue
		}
		if len(ru.pattern) > best {
			best, allow = len(ru.pattern), ru.allow
		} else if ru.allow {
			allow = true
		}
	}
	return allow
}

// match reports whether pattern matches path: a prefix match in which "*"
// stands for any run of characters and a final "$" anchors the end.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	} else {
		pattern += "*"
	}
	// Wildcard matching with one backtrack point: linear in practice,
	// O(len(pattern)·len(path)) at worst.
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// normalizePath makes a pattern or path comparable: bytes outside printable
// ASCII are percent-encoded and existing escapes are upper-cased.
func normalizePath(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '%' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]):
			b.WriteByte('%')
			b.WriteByte(upper(s[i+1]))
			b.WriteByte(upper(s[i+2]))
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func ishex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func upper(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}
