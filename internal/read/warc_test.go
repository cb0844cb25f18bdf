package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/parallaxnews/parallax"
)

// wrec is a WARC record to write.
type wrec struct {
	typ, uri, ctype string
	block           []byte
	length          string   // Content-Length to write instead of the true one
	extra           []string // more header lines
}

var recordSeq int

func (r wrec) bytes() []byte {
	recordSeq++
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", r.typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", recordSeq)
	b.WriteString("WARC-Date: 2025-04-17T09:30:00Z\r\n")
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	if r.ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ctype)
	}
	for _, l := range r.extra {
		b.WriteString(l + "\r\n")
	}
	length := r.length
	if length == "" {
		length = fmt.Sprint(len(r.block))
	}
	fmt.Fprintf(&b, "Content-Length: %s\r\n\r\n", length)
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse is a raw HTTP response as a WARC stores it.
func httpResponse(status string, header string, body []byte) []byte {
	return append([]byte("HTTP/1.1 "+status+"\r\n"+header+"\r\n"), body...)
}

func htmlResponse(uri string, html string) wrec {
	return wrec{typ: "response", uri: uri, ctype: "application/http; msgtype=response",
		block: httpResponse("200 OK", fmt.Sprintf("Content-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n", len(html)), []byte(html))}
}

func request(uri string) wrec {
	return wrec{typ: "request", uri: uri, ctype: "application/http; msgtype=request",
		block: []byte("GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: test\r\n\r\n")}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// chunked encodes body in HTTP chunks of n bytes.
func chunked(body []byte, n int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		k := min(n, len(body))
		fmt.Fprintf(&b, "%x\r\n", k)
		b.Write(body[:k])
		b.WriteString("\r\n")
		body = body[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

// newsPage is an article page at uri with a headline and enough text for
// the extractor.
func newsPage(uri, headline string) string {
	return fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
<link rel="canonical" href="%s"><meta property="article:published_time" content="2025-04-16T08:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>%s</h1>
<p>The harbour council met on Tuesday evening and postponed the vote on the ferry contract for the third time this year, citing legal advice.</p>
<p>Traders on the quay said the delay left them unable to plan for the summer, when most of their customers arrive on the morning boats.</p>
<p>The council's chair said a decision would come before the end of the month, once the lawyers had finished reading the bids.</p>
</article></body></html>`, headline, uri, headline)
}

type warcResult struct {
	pages []*WARCPage
	errs  []error
}

func readWARC(t testing.TB, r io.Reader, opt Options) warcResult {
	t.Helper()
	var res warcResult
	err := WARC(context.Background(), "crawl.warc", r, opt, func(p *WARCPage, err error) error {
		if err != nil {
			res.errs = append(res.errs, err)
		} else {
			res.pages = append(res.pages, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (r warcResult) uris() string {
	var s []string
	for _, p := range r.pages {
		s = append(s, p.URI)
	}
	return strings.Join(s, " ")
}

// mixedRecords is a crawl in miniature: pages among the records a crawler
// writes that hold none.
func mixedRecords() ([]wrec, []string) {
	body := newsPage("https://www.harbourherald.example/news/ferry", "Ferry vote delayed again")
	gz := gzipBytes(nil, []byte(newsPage("https://valleynews.example/bridge", "Bridge reopens")))
	recs := []wrec{
		{typ: "warcinfo", ctype: "application/warc-fields", block: []byte("software: test\r\nformat: WARC File Format 1.1\r\n")},
		request("https://www.harbourherald.example/news/ferry"),
		htmlResponse("https://www.harbourherald.example/news/ferry", body),
		{typ: "metadata", uri: "https://www.harbourherald.example/news/ferry", ctype: "application/warc-fields", block: []byte("outlink: x\r\n")},
		// chunked and gzipped
		{typ: "response", uri: "https://valleynews.example/bridge", ctype: "application/http;msgtype=response",
			block: httpResponse("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gz, 300))},
		// not pages
		{typ: "response", uri: "https://valleynews.example/logo.png", ctype: "application/http; msgtype=response",
			block: httpResponse("200 OK", "Content-Type: image/png\r\nContent-Length: 8\r\n", []byte("\x89PNG\r\n\x1a\n"))},
		{typ: "response", uri: "https://valleynews.example/missing", ctype: "application/http; msgtype=response",
			block: httpResponse("404 Not Found", "Content-Type: text/html\r\n", []byte("<html><body>Not found</body></html>"))},
		{typ: "response", uri: "https://valleynews.example/old", ctype: "application/http; msgtype=response",
			block: httpResponse("301 Moved Permanently", "Location: https://valleynews.example/bridge\r\nContent-Length: 0\r\n", nil)},
		{typ: "revisit", uri: "https://www.harbourherald.example/news/ferry", ctype: "application/http; msgtype=response",
			block: httpResponse("200 OK", "Content-Type: text/html\r\n", nil)},
		// a resource record holds the page itself
		{typ: "resource", uri: "https://coastnews.example/storm", ctype: "text/html", block: []byte(newsPage("https://coastnews.example/storm", "Storm closes the road"))},
		// no Content-Type in the HTTP header: sniffed; WARC 1.0 angle brackets
		{typ: "response", uri: "<https://quaytimes.example/tide>", ctype: "application/http; msgtype=response",
			block: httpResponse("200 OK", "Server: test\r\n", []byte(newsPage("https://quaytimes.example/tide", "Record tide expected")))},
	}
	return recs, []string{"https://www.harbourherald.example/news/ferry", "https://valleynews.example/bridge", "https://coastnews.example/storm", "https://quaytimes.example/tide"}
}

func TestWARCPages(t *testing.T) {
	recs, want := mixedRecords()
	var plain, perRecord bytes.Buffer
	var plainOffsets, memberOffsets []int64
	for _, r := range recs {
		b := r.bytes()
		plainOffsets = append(plainOffsets, int64(plain.Len()))
		memberOffsets = append(memberOffsets, int64(perRecord.Len()))
		plain.Write(b)
		perRecord.Write(gzipBytes(t, b))
	}
	pageRecords := []int{3, 5, 10, 11}
	for _, tt := range []struct {
		name    string
		data    []byte
		offsets []int64
	}{
		{"plain", plain.Bytes(), plainOffsets},
		{"gzip per record", perRecord.Bytes(), memberOffsets},
		{"gzip whole", gzipBytes(t, plain.Bytes()), make([]int64, len(recs))},
	} {
		res := readWARC(t, bytes.NewReader(tt.data), Options{})
		if len(res.errs) != 0 {
			t.Errorf("%s: errors %v", tt.name, res.errs)
		}
		if res.uris() != strings.Join(want, " ") {
			t.Errorf("%s: pages %s", tt.name, res.uris())
			continue
		}
		for i, p := range res.pages {
			n := pageRecords[i]
			if p.Record != n || p.Offset != tt.offsets[n-1] || p.Status != 200 || p.Date.Format(time.RFC3339) != "2025-04-17T09:30:00Z" ||
				!strings.HasPrefix(p.RecordID, "<urn:uuid:") || !bytes.Contains(p.Body, []byte("<article>")) {
				t.Errorf("%s: page %d = record %d at %d, status %d, date %v, id %q; want record %d at %d",
					tt.name, i, p.Record, p.Offset, p.Status, p.Date, p.RecordID, n, tt.offsets[n-1])
			}
		}
		// The chunked, gzipped page comes out decoded, its header kept.
		if p := res.pages[1]; !bytes.HasPrefix(p.Body, []byte("<!DOCTYPE html>")) || p.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: decoded body starts %q, header %v", tt.name, p.Body[:min(20, len(p.Body))], p.Header)
		}
		if p := res.pages[2]; p.Header != nil {
			t.Errorf("%s: a resource record has an HTTP header: %v", tt.name, p.Header)
		}
	}
}

func TestWARCArticles(t *testing.T) {
	recs, _ := mixedRecords()
	recs = append(recs, htmlResponse("https://empty.example/nav", "<html><body><nav>Home</nav></body></html>"))
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(r.bytes())
	}
	var arts []*parallax.Article
	var errs []error
	err := WARCArticles(context.Background(), "crawl.warc", &b, Options{}, func(a *parallax.Article, err error) error {
		if err != nil {
			errs = append(errs, err)
		} else {
			arts = append(arts, a)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		checkArticle(t, a)
		got = append(got, a.Source+" "+a.Outlet+" "+a.Title+" "+a.PublishedDate())
	}
	want := []string{
		"https://www.harbourherald.example/news/ferry harbourherald.example Ferry vote delayed again 2025-04-16",
		"https://valleynews.example/bridge valleynews.example Bridge reopens 2025-04-16",
		"https://coastnews.example/storm coastnews.example Storm closes the road 2025-04-16",
		"https://quaytimes.example/tide quaytimes.example Record tide expected 2025-04-16",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) != 1 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, "crawl.warc: record 12 (https://empty.example/nav): no article text found in the page")
}

func TestWARCDamaged(t *testing.T) {
	page := func(n int) wrec {
		return htmlResponse(fmt.Sprintf("https://news.example/%d", n), fmt.Sprintf("<html><body><p>Page %d</p></body></html>", n))
	}
	var b bytes.Buffer
	var offsets []int64
	add := func(data []byte) {
		offsets = append(offsets, int64(b.Len()))
		b.Write(data)
	}
	add(page(1).bytes())
	bad := page(99)
	bad.length = "12x"
	add(bad.bytes()) // record 2: bad Content-Length
	add(page(3).bytes())
	short := page(98)
	short.length = "20"
	add(short.bytes()) // record 4: Content-Length too small
	add(page(5).bytes())
	add([]byte("garbage between records\r\nmore garbage\r\n")) // offsets[5]
	add(page(6).bytes())
	add(wrec{typ: "response", uri: "https://news.example/bad-http", ctype: "application/http; msgtype=response", block: []byte("HTTP/1.1 two hundred\r\n\r\n")}.bytes())
	add(wrec{typ: "response", uri: "https://news.example/br", ctype: "application/http; msgtype=response",
		block: httpResponse("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", []byte("\x1b\x00"))}.bytes())
	add(page(8).bytes())
	last := page(9).bytes()
	add(last[:len(last)-40]) // record 11: cut short

	res := readWARC(t, bytes.NewReader(b.Bytes()), Options{})
	if got := res.uris(); got != "https://news.example/1 https://news.example/3 https://news.example/5 https://news.example/6 https://news.example/8" {
		t.Errorf("pages = %s", got)
	}
	wantErrs := []string{
		fmt.Sprintf(`crawl.warc: record 2 at offset %d: bad Content-Length "12x"`, offsets[1]),
		fmt.Sprintf(`crawl.warc: record 4 at offset %d: the block does not end where its Content-Length of 20 says`, offsets[3]),
		fmt.Sprintf(`crawl.warc: record 6 at offset %d: expected a WARC/1.x line, found "garbage between records"; skipped 39 bytes to the next record`, offsets[5]),
		fmt.Sprintf(`crawl.warc: record 7 at offset %d: bad HTTP response: malformed HTTP status code "two"`, offsets[7]),
		fmt.Sprintf(`crawl.warc: record 8 at offset %d: content encoding "br" is not supported`, offsets[8]),
		fmt.Sprintf(`crawl.warc: record 10 at offset %d: the file ends `, offsets[10]),
	}
	if len(res.errs) != len(wantErrs) {
		t.Fatalf("errors = %q", res.errs)
	}
	for i, w := range wantErrs {
		checkError(t, res.errs[i], parallax.EINVALID, w)
	}
}

func TestWARCGzipDamaged(t *testing.T) {
	page := func(n int) []byte {
		return gzipBytes(t, htmlResponse(fmt.Sprintf("https://news.example/%d", n), newsPage("https://news.example/x", fmt.Sprintf("Page %d", n))).bytes())
	}
	var b bytes.Buffer
	var offsets []int64
	add := func(data []byte) {
		offsets = append(offsets, int64(b.Len()))
		b.Write(data)
	}
	add(page(1))
	cut := page(2)
	add(cut[:len(cut)/2]) // a member cut short, then more members
	add(page(3))
	bad := page(4)
	for i := 30; i < 60; i++ {
		bad[i] ^= 0x5a // corrupt deflate data
	}
	add(bad)
	add(page(5))
	add([]byte("not gzip at all"))
	add(page(6))
	end := page(7)
	add(end[:len(end)-30]) // the file ends inside a member
	add(nil)

	res := readWARC(t, bytes.NewReader(b.Bytes()), Options{})
	if got := res.uris(); got != "https://news.example/1 https://news.example/3 https://news.example/5 https://news.example/6" {
		t.Errorf("pages = %s", got)
	}
	var msgs []string
	for _, e := range res.errs {
		checkErr(t, e)
		msgs = append(msgs, e.Error())
	}
	want := []string{
		// Cut short mid-file, the member runs on into the next one's bytes.
		fmt.Sprintf("crawl.warc: record 2 (gzip member at offset %d): corrupt gzip data (", offsets[1]),
		fmt.Sprintf("crawl.warc: gzip member at offset %d: corrupt gzip data (", offsets[3]),
		fmt.Sprintf("crawl.warc: gzip member at offset %d: corrupt gzip data (", offsets[5]),
		fmt.Sprintf("crawl.warc: record 6 (gzip member at offset %d): gzip data cut short", offsets[7]),
	}
	if len(msgs) != len(want) {
		t.Fatalf("errors:\n%s", strings.Join(msgs, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(msgs[i], want[i]) {
			t.Errorf("error %d = %s\nwant %s…", i, msgs[i], want[i])
		}
	}

	// A stream that cannot seek back loses at most what the damage hides,
	// and still reads on.
	res = readWARC(t, struct{ io.Reader }{bytes.NewReader(b.Bytes())}, Options{})
	if !strings.HasPrefix(res.uris(), "https://news.example/1 ") || !strings.Contains(res.uris(), "https://news.example/6") || len(res.errs) == 0 {
		t.Errorf("unseekable: pages %s, errors %v", res.uris(), res.errs)
	}
}

func TestWARCLimits(t *testing.T) {
	big := newsPage("https://news.example/big", "Big")
	big = strings.Replace(big, "</article>", strings.Repeat("<p>More text.</p>", 500)+"</article>", 1)
	var b bytes.Buffer
	b.Write(htmlResponse("https://news.example/big", big).bytes())
	b.Write(wrec{typ: "resource", uri: "https://news.example/big2", ctype: "text/html", block: []byte(big)}.bytes())
	b.Write(htmlResponse("https://news.example/small", "<p>small</p>").bytes())
	// An over-long header line.
	b.WriteString("WARC/1.1\r\nWARC-Type: response\r\nX-Long: " + strings.Repeat("x", 100<<10) + "\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
	b.Write(htmlResponse("https://news.example/after", "<p>after</p>").bytes())
	res := readWARC(t, &b, Options{MaxFileSize: 4096})
	if res.uris() != "https://news.example/small https://news.example/after" || len(res.errs) != 3 {
		t.Fatalf("pages %s, errors %v", res.uris(), res.errs)
	}
	checkError(t, res.errs[0], parallax.ETOOLARGE, "crawl.warc: record 1 at offset 0: page is over the 4 KB limit for one article")
	checkError(t, res.errs[1], parallax.ETOOLARGE, "crawl.warc: record 2 at offset")
	checkError(t, res.errs[2], parallax.EINVALID, "crawl.warc: record 4 at offset")
	checkError(t, res.errs[2], parallax.EINVALID, "header line longer than")
}

func TestWARCStops(t *testing.T) {
	var b bytes.Buffer
	for i := range 200 {
		b.Write(htmlResponse(fmt.Sprintf("https://news.example/%d", i), "<p>x</p>").bytes())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := WARC(ctx, "w.warc", bytes.NewReader(b.Bytes()), Options{}, func(*WARCPage, error) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	stop := errors.New("enough")
	n := 0
	err = WARC(context.Background(), "w.warc", bytes.NewReader(b.Bytes()), Options{}, func(*WARCPage, error) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: %v after %d calls", err, n)
	}
}

func FuzzWARC(f *testing.F) {
	recs, _ := mixedRecords()
	var plain bytes.Buffer
	for _, r := range recs[:6] {
		plain.Write(r.bytes())
	}
	f.Add(plain.Bytes())
	f.Add(gzipBytes(f, plain.Bytes()))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nhello\r\n\r\nWARC/1.0\r\nContent-Length: -1\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 30\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
	f.Add([]byte("\x1f\x8b\x08\x00garbage\x1f\x8b\x08WARC/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		err := WARC(context.Background(), "f.warc", bytes.NewReader(data), Options{MaxFileSize: 1 << 16}, func(p *WARCPage, err error) error {
			if err != nil {
				checkErr(t, err)
				return nil
			}
			if p.Record <= last || p.Offset < 0 || p.Offset >= int64(len(data)) || len(p.Body) > 1<<16 {
				t.Fatalf("page record %d (last %d) at %d, %d bytes", p.Record, last, p.Offset, len(p.Body))
			}
			last = p.Record
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// benchWARC is a crawl of n small article pages, each with its request.
func benchWARC(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		uri := fmt.Sprintf("https://www.outlet%d.example/news/%d", i%17, i)
		b.Write(request(uri).bytes())
		b.Write(htmlResponse(uri, newsPage(uri, fmt.Sprintf("Harbour council delays ferry vote, part %d", i))).bytes())
	}
	return b.Bytes()
}

func BenchmarkWARC(b *testing.B) {
	plain := benchWARC(2000)
	var perRecord bytes.Buffer
	for rest := plain; len(rest) > 0; {
		// Split back into records to gzip them one by one.
		next := bytes.Index(rest[1:], []byte("WARC/1.1\r\n"))
		rec := rest
		if next >= 0 {
			rec = rest[:next+1]
		}
		perRecord.Write(gzipBytes(b, rec))
		rest = rest[len(rec):]
	}
	for _, bc := range []struct {
		name string
		data []byte
	}{{"plain", plain}, {"gzip", perRecord.Bytes()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(plain))) // uncompressed bytes, so the two compare
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				err := WARC(context.Background(), "b.warc", bytes.NewReader(bc.data), Options{}, func(p *WARCPage, err error) error {
					if err != nil {
						b.Fatal(err)
					}
					n++
					return nil
				})
				if err != nil || n != 2000 {
					b.Fatalf("%d pages, %v", n, err)
				}
			}
			b.ReportMetric(float64(4000*b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkWARCArticles includes extraction, which dominates.
func BenchmarkWARCArticles(b *testing.B) {
	data := benchWARC(50)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		err := WARCArticles(context.Background(), "b.warc", bytes.NewReader(data), Options{}, func(a *parallax.Article, err error) error {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return nil
		})
		if err != nil || n != 50 {
			b.Fatalf("%d articles, %v", n, err)
		}
	}
	b.ReportMetric(float64(50*b.N)/b.Elapsed().Seconds(), "pages/s")
}
