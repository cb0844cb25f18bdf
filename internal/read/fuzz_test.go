package read

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// checkArticle checks what every article must keep, whatever its input.
func checkArticle(t *testing.T, a *parallax.Article) {
	t.Helper()
	if a == nil || strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
		t.Fatalf("bad article %+v", a)
	}
	if a.TitleSpan.Len() > 0 && a.TitleSpan.Of(a.Text) != a.Title {
		t.Fatalf("TitleSpan %v covers %q, Title %q", a.TitleSpan, a.TitleSpan.Of(a.Text), a.Title)
	}
	if a.PublishedEvidence.Len() > 0 && (a.PublishedEvidence.Of(a.Text) == "" || a.Published.IsZero()) {
		t.Fatalf("PublishedEvidence %v without a date in %q", a.PublishedEvidence, a.Text)
	}
	if a.Source == "" || a.Outlet == "" {
		t.Fatalf("article without source or outlet: %+v", a)
	}
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	code := parallax.ErrorCode(err)
	if code != parallax.EINVALID && code != parallax.ETOOLARGE {
		t.Fatalf("error %v has code %q", err, code)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %q spans lines", err)
	}
}

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"url":"https://a.example/1","title":"T","maintext":"T\nBody.","date_publish":"2025-04-14"}` + "\n"))
	f.Add([]byte(`{"maintext":"x"}` + "\n" + `{"url": broken` + "\n\n" + `[1]`))
	f.Add([]byte(`{"text":"Posted on 17/04/2025\nBody","published":null,"authors":["A",1,null]}`))
	f.Add([]byte("\xff\xfe{\"maintext\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		err := JSONLines(context.Background(), "f.jsonl", bytes.NewReader(data), Options{MaxLineSize: 4096},
			func(a *parallax.Article, err error) error {
				n++
				if err != nil {
					checkErr(t, err)
					return nil
				}
				checkArticle(t, a)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if n > lines {
			t.Fatalf("%d results from %d lines", n, lines)
		}
	})
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Headline\nPosted on 17/04/2025 at 11:30\nBody."))
	f.Add([]byte("# Title\n\nBody"))
	f.Add([]byte("\ufeff\r\n\xff\xfeTitle\r\n"))
	f.Add([]byte("   "))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Text("dir/f.txt", data)
		if err != nil {
			checkErr(t, err)
			if strings.TrimSpace(strings.ToValidUTF8(string(data), "")) != "" && strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff")) != "" {
				t.Fatalf("Text(%q) refused: %v", data, err)
			}
			return
		}
		checkArticle(t, a)
		if a.Source != "dir/f.txt" || a.Outlet != "f" {
			t.Fatalf("source %q outlet %q", a.Source, a.Outlet)
		}
	})
}

func BenchmarkJSONLines(b *testing.B) {
	var buf bytes.Buffer
	body := strings.Repeat("The harbour council met on Tuesday and postponed the vote again. ", 30) // ~2 KB
	for i := range 100 {
		fmt.Fprintf(&buf, `{"url":"https://www.news%d.example/story","title":"Story %d","maintext":%q,"date_publish":"2025-03-12 09:15:00","source_domain":"news%d.example","language":"en"}`+"\n", i%7, i, body, i%7)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		_ = JSONLines(context.Background(), "b.jsonl", bytes.NewReader(data), Options{}, func(a *parallax.Article, err error) error {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return nil
		})
		if n != 100 {
			b.Fatalf("%d articles", n)
		}
	}
}

func BenchmarkText(b *testing.B) {
	data := []byte("Harbour Council Delays Vote\nPosted on 12/03/2025 at 09:15\n" + strings.Repeat("The harbour council met on Tuesday and postponed the vote again. ", 30))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Text("b.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
