package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestHTMLArticle(t *testing.T) {
	f, err := os.Open("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := HTML(f, mustURL(t, "https://portelliscourier.example/p/123"))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"Title", res.Title, "Ferry contract vote delayed again"},
		{"Author", res.Author, "Marta Quillon"},
		{"SiteName", res.SiteName, "The Port Ellis Courier"},
		{"Language", res.Language, "en"},
		{"URL", res.URL, "https://www.portelliscourier.example/news/2025/03/12/ferry-vote-delayed"},
		{"Published", res.Published.Format("2006-01-02"), "2025-03-12"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	lines := strings.Split(res.Text, "\n")
	if lines[0] != "Ferry contract vote delayed again" {
		t.Errorf("first line = %q, want the headline", lines[0])
	}
	if len(lines) < 5 {
		t.Errorf("Text has %d lines, want one per paragraph:\n%s", len(lines), res.Text)
	}
	for _, bad := range []string{"Most read", "All rights reserved", "Sport"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("Text holds boilerplate %q", bad)
		}
	}
	if !strings.Contains(res.Text, "“We are not going to sign a ten-year deal in a hurry,” he told reporters.") {
		t.Errorf("Text lost a paragraph:\n%s", res.Text)
	}
	if res.PublishedSpan.Len() != 0 {
		t.Errorf("PublishedSpan = %v for a date from metadata, want zero", res.PublishedSpan)
	}
}

// A page without <article> markup or date metadata: the fallback finds the
// text and the dateline in it gives the date.
func TestHTMLFallbackAndDateline(t *testing.T) {
	b, err := os.ReadFile("testdata/nodate.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML(bytes.NewReader(b), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "handed over the keys on Saturday") {
		t.Errorf("Text misses the body:\n%s", res.Text)
	}
	if res.URL != "" {
		t.Errorf("URL = %q with no page URL or canonical link, want empty", res.URL)
	}
	if got := res.Published.Format("2006-01-02"); got != "2025-02-03" {
		t.Errorf("Published = %s, want 2025-02-03 from the dateline", got)
	}
	if got := res.PublishedSpan.Of(res.Text); got != "Published on 3 February 2025" {
		t.Errorf("PublishedSpan covers %q", got)
	}
}

// A Latin-1 page comes out as valid UTF-8 with its accents.
func TestHTMLLegacyCharset(t *testing.T) {
	body := `<html lang="es-ES"><head><meta charset="iso-8859-1"><title>La campaña del año</title></head><body><article>` +
		strings.Repeat(`<p>El alcalde inauguró la nueva biblioteca del barrio, una obra que los vecinos pedían desde hacía años, y anunció más horarios para el otoño.</p>`, 4) +
		`</article></body></html>`
	latin1 := make([]byte, 0, len(body))
	for _, r := range body {
		latin1 = append(latin1, byte(r)) // every rune here is below U+0100
	}
	res, err := HTML(bytes.NewReader(latin1), mustURL(t, "https://diario.example/cultura/biblioteca"))
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(res.Text) || !strings.Contains(res.Text, "inauguró") {
		t.Errorf("Text not decoded from Latin-1: %q", res.Text[:60])
	}
	if res.Language != "es" {
		t.Errorf("Language = %q, want es", res.Language)
	}
	if res.URL != "https://diario.example/cultura/biblioteca" {
		t.Errorf("URL = %q, want the page URL", res.URL)
	}
}

// koreanPage is a valid UTF-8 page with several kilobytes of Hangul: the
// shape that made dom.Parse fail with "transform: short internal buffer"
// (its NFD → NFC chain runs out of its 4 KB buffer on decomposed jamo).
func koreanPage(paragraphs int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>창고 화재로 주민 대피</title></head><body><article><h1>창고 화재로 주민 대피</h1>`)
	for i := range paragraphs {
		fmt.Fprintf(&b, "<p>가상의 도시 한빛시의 물류 창고에서 %d일 밤 큰 불이 나 인근 주민들이 대피했다. 소방 당국은 인명 피해는 없으며 정확한 원인을 조사하고 있다고 밝혔다.</p>\n", i%28+1)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func TestHTMLKorean(t *testing.T) {
	page := koreanPage(60) // about 17 KB
	res, err := HTML(strings.NewReader(page), nil)
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	if res.Title != "창고 화재로 주민 대피" || res.Language != "ko" {
		t.Errorf("Title %q, Language %q", res.Title, res.Language)
	}
	if n := strings.Count(res.Text, "소방 당국은"); n != 60 {
		t.Errorf("%d of 60 paragraphs in the text", n)
	}
}

// The page comes out in normalisation form C without soft hyphens, and in
// UTF-8 whatever its encoding.
func TestUTF8Page(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"decomposed accent composed", "Caf\u0065\u0301 de la Pa\u0301z", "Café de la Páz"},
		{"soft hyphen removed", "co\u00ADoperation", "cooperation"},
		{"soft hyphen between base and mark", "e\u00AD\u0301", "é"},
		{"hangul kept", strings.Repeat("한국어 ", 3000), strings.Repeat("한국어 ", 3000)},
		{"utf-16 with a bom", string([]byte{0xFF, 0xFE, 'h', 0, 0xE9, 0}), "hé"},
		{"latin-1 declared", "<meta charset=\"iso-8859-1\">caf\xe9", "<meta charset=\"iso-8859-1\">café"},
		{"a stray invalid byte in UTF-8 replaced", strings.Repeat("señal café ", 40) + "\xff", strings.Repeat("señal café ", 40) + "\uFFFD"},
		{"latin-1 mislabelled as UTF-8 detected", "<meta charset=\"utf-8\"><p>" + strings.Repeat("se\xf1al caf\xe9 ", 40), "<meta charset=\"utf-8\"><p>" + strings.Repeat("señal café ", 40)},
	} {
		if got := string(utf8Page([]byte(tc.in))); got != tc.want {
			t.Errorf("%s: utf8Page(%q) = %q, want %q", tc.name, tc.in[:min(len(tc.in), 40)], got[:min(len(got), 40)], tc.want[:min(len(tc.want), 40)])
		}
	}
}

func TestHTMLNoText(t *testing.T) {
	for _, page := range []string{
		"",
		"<html><head><title>Empty</title></head><body></body></html>",
		"<html><body><nav><a href='/'>Home</a></nav></body></html>",
		"<html><body><script>document.write('hello')</script></body></html>",
	} {
		res, err := HTML(strings.NewReader(page), nil)
		if !errors.Is(err, ErrNoText) && err == nil {
			t.Errorf("HTML(%q) = %+v, want an error", page, res)
		}
		if err == nil || res != nil {
			t.Errorf("HTML(%q) = %v, %v; want nil and an error", page, res, err)
		}
	}
}

func TestLanguageCode(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "en-GB": "en", "ES_es": "es", " pt-BR ": "pt", "": "", "english": "", "zh-Hant-TW": "zh", "1x": "",
	} {
		if got := LanguageCode(in); got != want {
			t.Errorf("LanguageCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeclaredLanguage(t *testing.T) {
	body := "<body><article>" + strings.Repeat("<p>Texto de relleno para que la página tenga un cuerpo de artículo.</p>", 5) + "</article></body>"
	for head, want := range map[string]string{
		`<html lang="pt-BR"><head></head>`:                                       "pt",
		`<html><head><meta http-equiv="Content-Language" content="es"></head>`:   "es",
		`<html lang=""><head><meta property="og:locale" content="fr_FR"></head>`: "fr",
		`<html><head></head>`: "",
	} {
		res, err := HTML(strings.NewReader(head+body+"</html>"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Language != want {
			t.Errorf("%s: Language = %q, want %q", head, res.Language, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	page := mustURL(t, "https://news.example/a/b?x=1")
	tests := []struct {
		raw  string
		page *url.URL
		want string
	}{
		{"https://news.example/story", page, "https://news.example/story"},
		{"/story", page, "https://news.example/story"},
		{"", page, "https://news.example/a/b?x=1"},
		{"javascript:void(0)", page, "https://news.example/a/b?x=1"},
		{"/story", nil, ""},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if got := canonical(tt.raw, tt.page); got != tt.want {
			t.Errorf("canonical(%q, %v) = %q, want %q", tt.raw, tt.page, got, tt.want)
		}
	}
}

func TestBlockText(t *testing.T) {
	page := `<html><body><article><h1>  Title
	here </h1><p>One <b>bold</b>
	word.<br>Next line.</p><ul><li>a</li><li>b</li></ul><pre>  keep   this</pre><table><tr><td>x</td><td>y</td></tr></table>` +
		strings.Repeat("<p>Filler sentence so the extractor keeps the page as an article body of some length.</p>", 5) +
		`</article></body></html>`
	res, err := HTML(strings.NewReader(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title here\n", "One bold word.\nNext line.\n"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, res.Text)
		}
	}
	for _, l := range strings.Split(res.Text, "\n") {
		if l == "" || l != strings.TrimSpace(l) {
			t.Errorf("line %q is empty or untrimmed", l)
		}
	}
}

func FuzzHTML(f *testing.F) {
	b, _ := os.ReadFile("testdata/article.html")
	f.Add(string(b))
	f.Add("<p>short</p>")
	f.Add("<html><body><article><p>" + strings.Repeat("word ", 100) + "</p></article></body></html>")
	f.Add("\x00\xff<html")
	f.Add(koreanPage(30))
	f.Fuzz(func(t *testing.T, page string) {
		res, err := HTML(strings.NewReader(page), nil)
		if err != nil {
			if res != nil {
				t.Fatal("result with an error")
			}
			return
		}
		if res.Text == "" || !utf8.ValidString(res.Text) {
			t.Fatalf("bad text %q", res.Text)
		}
		if !res.Published.IsZero() && res.Published.Before(time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("odd date %v", res.Published)
		}
		if res.PublishedSpan.Len() > 0 && res.PublishedSpan.Of(res.Text) == "" {
			t.Fatalf("span %v outside text", res.PublishedSpan)
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	u := mustURL(b, "https://portelliscourier.example/p/123")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := HTML(bytes.NewReader(page), u); err != nil {
			b.Fatal(err)
		}
	}
}

// tinyParagraphs is a page of n one-line paragraphs inside an article,
// between a menu and a footer.
func tinyParagraphs(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide table | Harbour Gazette</title>` +
		`<meta property="og:title" content="Tide table for the year"><meta property="article:published_time" content="2025-06-01T08:00:00Z">` +
		`<link rel="canonical" href="https://harbour-gazette.example/tides"></head><body>` +
		`<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main><article><h1>Tide table for the year</h1>`)
	for i := range n {
		fmt.Fprintf(&b, "<p>Tide %d.</p>", i)
	}
	b.WriteString(`</article></main><footer><p>© Harbour Gazette</p><script>var x = "<p>not text</p>";</script></footer></body></html>`)
	return b.Bytes()
}

// A 10 MB page of tiny paragraphs is read in one pass of the tokenizer,
// not by go-trafilatura (which took minutes and gigabytes on it), and
// every paragraph comes out on its own line.
func TestHTMLHugePage(t *testing.T) {
	const n = 700_000
	page := tinyParagraphs(n)
	if len(page) < 10<<20 {
		t.Fatalf("page is %d bytes, want 10 MB", len(page))
	}
	if !tooBig(page) {
		t.Fatal("tooBig = false for a page of 700,000 paragraphs")
	}
	res, err := HTML(bytes.NewReader(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(res.Text, "\n")
	if len(lines) != n+1 || lines[0] != "Tide table for the year" || lines[1] != "Tide 0." || lines[n] != fmt.Sprintf("Tide %d.", n-1) {
		t.Errorf("%d lines, first %q, %q, last %q; want the headline and %d paragraphs", len(lines), lines[0], lines[1], lines[len(lines)-1], n)
	}
	for _, bad := range []string{"Home", "Harbour Gazette", "not text"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("text holds %q", bad)
		}
	}
	if res.Title != "Tide table for the year" || res.Language != "en" || res.URL != "https://harbour-gazette.example/tides" ||
		res.Published.Format(time.RFC3339) != "2025-06-01T08:00:00Z" {
		t.Errorf("metadata: title %q, language %q, URL %q, published %v", res.Title, res.Language, res.URL, res.Published)
	}
}

// Pages of ordinary size still go to go-trafilatura.
func TestTooBig(t *testing.T) {
	article, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	long := tinyParagraphs(0)
	long = bytes.Replace(long, []byte("</article>"), []byte(strings.Repeat("<p>"+strings.Repeat("word ", 100)+"</p>", 500)+"</article>"), 1)
	for _, tc := range []struct {
		name string
		page []byte
		want bool
	}{
		{"article", article, false},
		{"long article: 500 paragraphs of 100 words", long, false},
		{"4,000 tiny paragraphs", tinyParagraphs(4000), false},
		{"30,000 tiny paragraphs", tinyParagraphs(30000), true},
		{"60,000 elements", []byte(strings.Repeat("<div>x</div>", 60000)), true},
	} {
		if got := tooBig(tc.page); got != tc.want {
			t.Errorf("%s: tooBig = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// BenchmarkHTMLHugePage reads the 10 MB page of tiny paragraphs; the
// B/op figure is what it allocates in all.
func BenchmarkHTMLHugePage(b *testing.B) {
	page := tinyParagraphs(700_000)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := HTML(bytes.NewReader(page), nil); err != nil {
			b.Fatal(err)
		}
	}
}
