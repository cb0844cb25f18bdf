package read

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// Formats a file can be read as.
const (
	fmtText = iota
	fmtHTML
	fmtJSONL
)

// sniffLen is how much of a file without a telling extension is looked at to
// guess its format.
const sniffLen = 4096

var bom = []byte("\xef\xbb\xbf")

// sniff guesses the format of a file from its first bytes.
func sniff(head []byte) int {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(head) == 0 {
		return fmtText
	}
	switch head[0] {
	case '<':
		l := bytes.ToLower(head[:min(len(head), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<meta"} {
			if bytes.Contains(l, []byte(tag)) {
				return fmtHTML
			}
		}
	case '{':
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
