package server

import (
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/parallaxnews/parallax"
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

// publicReport rewrites the sources of a stored report for the web; raw is
// returned as it is when it names no local file.
func publicReport(raw []byte) []byte {
	var rep parallax.Report
	if json.Unmarshal(raw, &rep) != nil {
		return raw
	}
	changed := false
	fix := func(infos []parallax.ArticleInfo) {
		for i := range infos {
			if p := publicSource(infos[i].Source); p != infos[i].Source {
				infos[i].Source, changed = p, true
			}
		}
	}
	fix(rep.Articles)
	for i := range rep.Stories {
		fix(rep.Stories[i].Articles)
	}
	if !changed {
		return raw
	}
	b, err := json.Marshal(rep)
	if err != nil {
		return raw
	}
	return b
}
