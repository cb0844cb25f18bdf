package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/parallaxnews/parallax"
)

// Error codes the web adds to parallax's own.
const (
	eUnauthorized = "unauthorized" // no credentials where they are needed
	eForbidden    = "forbidden"    // wrong credentials, or not allowed here
	eMethod       = "method_not_allowed"
)

// statusCodes maps every error code to its HTTP status.
var statusCodes = map[string]int{
	parallax.EINVALID:  http.StatusBadRequest,
	parallax.ENOTFOUND: http.StatusNotFound,
	parallax.ECONFLICT: http.StatusConflict,
	parallax.ETOOLARGE: http.StatusRequestEntityTooLarge,
	parallax.EINTERNAL: http.StatusInternalServerError,
	eUnauthorized:      http.StatusUnauthorized,
	eForbidden:         http.StatusForbidden,
	eMethod:            http.StatusMethodNotAllowed,
}

// ErrorStatusCode is the one place an error code becomes an HTTP status,
// for pages and API alike; an unknown code is 500.
func ErrorStatusCode(code string) int {
	if s, ok := statusCodes[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// errorBody is the API's error shape: {"error":{"code":…,"message":…}}.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// isAPI tells API requests (JSON errors) from pages (HTML errors).
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// error answers with err: its code's status and its user-facing message,
// as JSON under /api/ and as an HTML page elsewhere. Internal errors are
// logged in full and shown only as "internal error".
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	err = bodyError(err)
	code, msg := parallax.ErrorCode(err), parallax.ErrorMessage(err)
	status := ErrorStatusCode(code)
	if code == parallax.EINTERNAL {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if code == eUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
	}
	w.Header().Set("Cache-Control", "no-store")
	if isAPI(r) {
		writeJSON(w, status, errorBody{errorDetail{Code: code, Message: msg}})
		return
	}
	s.render(w, r, status, "error", errorPage{
		base:    s.base(r, http.StatusText(status)),
		Status:  status,
		Code:    code,
		Message: msg,
	})
}

// bodyError turns a request body over its limit into an ETOOLARGE error
// the user can act on; other errors pass through.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return parallax.Errorf(parallax.ETOOLARGE, "request body is larger than the %s this server accepts", humanBytes(mbe.Limit))
	}
	return err
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// writeJSON writes v as the response, status first. HTML-significant
// characters in strings are escaped (\u003c), so a JSON body sniffed as
// HTML by a careless client still runs nothing.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
