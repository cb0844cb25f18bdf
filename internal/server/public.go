package server

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
)

// publicSource is what the web shows of where an article came from: a URL
// as it is, but of a local file only its name — the folders of the machine
// that ingested it are nobody's business.
func publicSource(src string) string {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") || src == "" {
		return src
	}
	return filepath.Base(filepath.ToSlash(src))
}

// sourceField matches the "source" members of a report's articles. Inside
// a JSON string a quote is always escaped, so the unescaped sequence
// "source":" can only be that key.
var sourceField = regexp.MustCompile(`"source":("(?:[^"\\]|\\.)*")`)

// publicReport rewrites the sources of a stored report for the web, in
// place in the JSON rather than by decoding it: the story API answers from
// the stored bytes, and this keeps it as cheap. raw is returned as it is
// when it names no local file.
func publicReport(raw []byte) []byte {
	changed := false
	out := sourceField.ReplaceAllFunc(raw, func(m []byte) []byte {
		var src string
		if json.Unmarshal(m[len(`"source":`):], &src) != nil {
			return m
		}
		p := publicSource(src)
		if p == src {
			return m
		}
		b, err := json.Marshal(p)
		if err != nil {
			return m
		}
		changed = true
		return append([]byte(`"source":`), b...)
	})
	if !changed {
		return raw
	}
	return out
}
