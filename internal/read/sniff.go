package read

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
)

// Formats a file can be read as.
const (
	fmtText = iota
	fmtHTML
	fmtJSONL
	fmtFeed // RSS, Atom or JSON Feed
	fmtOPML
	fmtWARC // plain or gzipped
)

// sniffLen is how much of a file without a telling extension is looked at to
// guess its format.
const sniffLen = 4096

var bom = []byte("\xef\xbb\xbf")

// sniff guesses the format of a file from its first bytes.
func sniff(head []byte) int {
	head = head[:min(len(head), sniffLen)]
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		if isGzipWARC(head) {
			return fmtWARC
		}
		return fmtText // binary, as it will turn out
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(head) == 0 {
		return fmtText
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return fmtWARC
	}
	switch head[0] {
	case '<':
		switch xmlRoot(head) {
		case "rss", "feed", "rdf:rdf":
			return fmtFeed
		case "opml":
			return fmtOPML
		}
		l := bytes.ToLower(head[:min(len(head), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<meta"} {
			if bytes.Contains(l, []byte(tag)) {
				return fmtHTML
			}
		}
	case '{':
		if isJSONFeed(head) {
			return fmtFeed
		}
		// A news-please record is usually longer than the sniffed head, so
		// an unfinished first line that opens with a key counts too.
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			if json.Valid(bytes.TrimSpace(head[:i])) {
				return fmtJSONL
			}
		} else if len(head) == sniffLen || json.Valid(head) {
			if bytes.HasPrefix(bytes.TrimLeft(head[1:], " \t"), []byte(`"`)) {
				return fmtJSONL
			}
		}
	}
	return fmtText
}

// isBinary reports whether data looks like something other than text: a NUL
// byte, many control characters, or mostly invalid UTF-8 in its first 8 KB.
// A few invalid bytes (a Latin-1 accent) are text to be repaired.
func isBinary(data []byte) bool {
	sample := data[:min(len(data), 8192)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	control, invalid := 0, 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
				control++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		i += size
	}
	return control*20 > len(sample) || invalid*10 > len(sample)*3
}

// xmlRoot is the lower-cased name of the first element in head, after any
// XML declaration, processing instructions, comments and DOCTYPE; "" when
// head has none.
func xmlRoot(head []byte) string {
	for {
		head = bytes.TrimLeft(head, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(head, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(head, []byte("<!")):
			end = []byte(">")
		case bytes.HasPrefix(head, []byte("<")):
			name := head[1:]
			i := 0
			for i < len(name) && (isNameByte(name[i])) {
				i++
			}
			return string(bytes.ToLower(name[:i]))
		default:
			return ""
		}
		i := bytes.Index(head, end)
		if i < 0 {
			return ""
		}
		head = head[i+len(end):]
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_' || c == '.'
}

// isJSONFeed reports whether head opens a JSON Feed: an object whose
// "version" is a jsonfeed.org version URL.
func isJSONFeed(head []byte) bool {
	for rest := head; ; {
		i := bytes.Index(rest, []byte(`"version"`))
		if i < 0 {
			return false
		}
		rest = rest[i+len(`"version"`):]
		v := bytes.TrimLeft(rest, " \t\r\n")
		if len(v) > 0 && v[0] == ':' {
			v = bytes.TrimLeft(v[1:], " \t\r\n")
			if bytes.HasPrefix(v, []byte(`"https://jsonfeed.org/version/`)) || bytes.HasPrefix(v, []byte(`"http://jsonfeed.org/version/`)) {
				return true
			}
		}
	}
}

// isGzipWARC reports whether a gzip stream's first bytes decompress to the
// start of a WARC record.
func isGzipWARC(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	buf := make([]byte, 16)
	n, _ := io.ReadFull(zr, buf)
	return bytes.HasPrefix(bytes.TrimLeft(buf[:n], "\r\n"), []byte("WARC/"))
}
