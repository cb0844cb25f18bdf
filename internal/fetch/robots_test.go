package fetch

import (
	"strings"
	"testing"
	"time"
)

func TestParseRobots(t *testing.T) {
	type check struct {
		path string
		want bool
	}
	for _, tt := range []struct {
		name   string
		robots string
		checks []check
	}{
		{"empty", "", []check{{"/", true}, {"/anything", true}}},
		{"star group", "User-agent: *\nDisallow: /private\n", []check{{"/", true}, {"/private", false}, {"/private/x", false}, {"/privateer", false}, {"/public", true}}},
		{"our group wins over star", "User-agent: *\nDisallow: /\n\nUser-agent: Parallax\nDisallow: /secret\n",
			[]check{{"/", true}, {"/news", true}, {"/secret/1", false}}},
		{"our empty group allows all", "User-agent: *\nDisallow: /\n\nUser-agent: parallax\n", []check{{"/", true}}},
		{"other agents ignored", "User-agent: Googlebot\nDisallow: /\n", []check{{"/", true}}},
		{"product token with version", "User-agent: parallax/0.1\nDisallow: /x\n", []check{{"/x", false}, {"/y", true}}},
		{"not a prefix of another token", "User-agent: parallaxbot\nDisallow: /\n", []check{{"/", true}}},
		{"several agents one group", "User-agent: a\nUser-agent: parallax\nUser-agent: b\nDisallow: /x\n", []check{{"/x", false}}},
		{"groups for us merge", "User-agent: parallax\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nUser-agent: parallax\nDisallow: /c\n",
			[]check{{"/a", false}, {"/b", true}, {"/c", false}}},
		{"longest match", "User-agent: *\nDisallow: /news\nAllow: /news/public\n", []check{{"/news/x", false}, {"/news/public/1", true}}},
		{"longest match disallow", "User-agent: *\nAllow: /news\nDisallow: /news/private\n", []check{{"/news/x", true}, {"/news/private/1", false}}},
		{"allow wins a tie", "User-agent: *\nDisallow: /page\nAllow: /page\n", []check{{"/page", true}}},
		{"wildcard", "User-agent: *\nDisallow: /*.pdf\nDisallow: /a*b*c\n", []check{{"/doc.pdf", false}, {"/x/y.pdf?z", false}, {"/doc.html", true}, {"/a1b2c3", false}, {"/a1c", true}}},
		{"end anchor", "User-agent: *\nDisallow: /*.php$\nDisallow: /exact$\n", []check{{"/index.php", false}, {"/index.php?x=1", true}, {"/exact", false}, {"/exact/more", true}}},
		{"query", "User-agent: *\nDisallow: /*?print=\n", []check{{"/a?print=1", false}, {"/a", true}}},
		{"empty disallow", "User-agent: *\nDisallow:\n", []check{{"/", true}}},
		{"comments and case", "# hello\nUSER-AGENT: * # everyone\ndisallow: /tmp # scratch\n", []check{{"/tmp/x", false}}},
		{"crlf and bom", "\ufeffUser-agent: *\r\nDisallow: /x\r\n", []check{{"/x", false}}},
		{"rules before any group", "Disallow: /\nUser-agent: *\nDisallow: /y\n", []check{{"/", true}, {"/y", false}}},
		{"sitemap inside agents", "User-agent: a\nSitemap: https://x/s.xml\nUser-agent: *\nDisallow: /z\n", []check{{"/z", false}}},
		{"percent encoding", "User-agent: *\nDisallow: /caf%c3%a9\nDisallow: /ñ\n", []check{{"/caf%C3%A9/x", false}, {"/%C3%B1", false}}},
		{"robots.txt always allowed", "User-agent: *\nDisallow: /\n", []check{{"/robots.txt", true}, {"/", false}, {"", false}}},
	} {
		r := parseRobots([]byte(tt.robots))
		for _, c := range tt.checks {
			if got := r.allowed(c.path); got != c.want {
				t.Errorf("%s: allowed(%q) = %v, want %v", tt.name, c.path, got, c.want)
			}
		}
	}
}

func TestCrawlDelay(t *testing.T) {
	for robots, want := range map[string]time.Duration{
		"User-agent: *\nCrawl-delay: 2.5\n":                                     2500 * time.Millisecond,
		"User-agent: *\nCrawl-delay: 9999\n":                                    maxCrawlDelay,
		"User-agent: *\nCrawl-delay: soon\n":                                    0,
		"User-agent: *\nCrawl-delay: 5\n\nUser-agent: parallax\nDisallow: /x\n": 0,
	} {
		if got := parseRobots([]byte(robots)).crawlDelay; got != want {
			t.Errorf("%q: crawl delay %v, want %v", robots, got, want)
		}
	}
}

func TestMatchWorstCase(t *testing.T) {
	pattern := strings.Repeat("*a", 200) + "b$"
	path := "/" + strings.Repeat("a", 5000)
	start := time.Now()
	if match(pattern, path) {
		t.Error("matched")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("match took %v", d)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /x\nAllow: /x/y$\n", "/x/y")
	f.Add("User-agent: parallax\nDisallow: /*.pdf$\nCrawl-delay: 1\n", "/a.pdf")
	f.Add("\ufeffuser-agent:*\r\ndisallow:/%zz\n", "/%zz")
	f.Fuzz(func(t *testing.T, robots, path string) {
		r := parseRobots([]byte(robots))
		_ = r.allowed(path)
		if !r.allowed("/robots.txt") {
			t.Fatal("/robots.txt disallowed")
		}
		if r.crawlDelay < 0 || r.crawlDelay > maxCrawlDelay {
			t.Fatalf("crawl delay %v", r.crawlDelay)
		}
	})
}
