package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/parallaxnews/parallax"
)

// Who may add coverage:
//
//   - A server with a token takes additions only with it: the header
//     "Authorization: Bearer TOKEN" (programs) or the form field "token"
//     (the Add page). No token: 401. A wrong one: 403.
//   - A server without a token takes additions only when it listens on a
//     loopback address and the request is addressed to a loopback name
//     (localhost, 127.0.0.1, [::1]), so a web page cannot reach it through
//     a DNS name rebound to 127.0.0.1. Otherwise: 403. (Open refuses to
//     listen beyond loopback without a token at all.)
//   - Browsers' cross-origin writes are refused (Sec-Fetch-Site / Origin),
//     and every HTML form carries a per-process random field "csrf" that
//     must come back: a page elsewhere cannot read it, so cannot forge it.

// authorize checks a write request's credentials; formToken is the
// "token" field of an HTML form, "" for the API.
func (s *Server) authorize(r *http.Request, formToken string) error {
	if err := s.cop.Check(r); err != nil {
		return parallax.Errorf(eForbidden, "cross-origin request refused: add coverage from this site's own pages or from a program")
	}
	if s.cfg.Token != "" {
		got := bearerToken(r)
		if got == "" {
			got = formToken
		}
		if got == "" {
			return parallax.Errorf(eUnauthorized, "adding coverage to this library needs its token: send \"Authorization: Bearer TOKEN\" (or fill in the token field)")
		}
		if !sameSecret(got, s.cfg.Token) {
			return parallax.Errorf(eForbidden, "that token is not this server's token")
		}
		return nil
	}
	if !s.loopback {
		return parallax.Errorf(eForbidden, "this server takes no additions: it listens on %s without a token (restart it with --token or $PARALLAX_TOKEN)", s.cfg.Addr)
	}
	if !IsLoopback(r.Host) {
		return parallax.Errorf(eForbidden, "additions without a token are taken only at localhost or 127.0.0.1, not at %q (set a token to add through another name)", clip(r.Host, 80))
	}
	return nil
}

// checkForm checks an HTML form's anti-forgery field.
func (s *Server) checkForm(csrf string) error {
	if !sameSecret(csrf, s.csrf) {
		return parallax.Errorf(eForbidden, "this form is out of date or did not come from this site: reload the Add page and send it again")
	}
	return nil
}

// bearerToken is the token of an "Authorization: Bearer TOKEN" header.
func bearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// sameSecret compares in constant time; hashing first hides the length.
func sameSecret(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// writable says whether this server can take additions at all, and why
// not when it cannot.
func (s *Server) writable() (bool, string) {
	if s.cfg.Token == "" && !s.loopback {
		return false, "This server listens beyond this machine without a token, so it takes no additions. Restart it with --token."
	}
	return true, ""
}
