package read

import (
	"net"
	"net/url"
	"strings"
)

// Host lower-cases host, drops a port and a trailing dot, and strips one
// leading "www.", "m." or "amp." — the prefixes that serve the same site.
func Host(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(host, ".")
	for _, p := range []string{"www.", "m.", "amp."} {
		if strings.HasPrefix(host, p) && strings.Count(host, ".") > 1 {
			return host[len(p):]
		}
	}
	return host
}

// RegistrableDomain is the part of host a publisher registers:
// "nz.news.yahoo.com" and "malaysia.news.yahoo.com" are both "yahoo.com",
// "www.bbc.co.uk" is "bbc.co.uk". It knows a short list of multi-part public
// suffixes rather than the whole Public Suffix List: enough for news sites,
// and no data file to keep fresh. IP addresses come back as they are.
func RegistrableDomain(host string) string {
	host = Host(host)
	if host == "" || net.ParseIP(strings.Trim(host, "[]")) != nil {
		return host
	}
	labels := strings.Split(host, ".")
	n := len(labels)
	if n <= 2 {
		return host
	}
	if multiSuffix[labels[n-2]+"."+labels[n-1]] {
		return strings.Join(labels[n-3:], ".")
	}
	return labels[n-2] + "." + labels[n-1]
}

// Outlet names the outlet of a host: its registrable domain.
func Outlet(host string) string { return RegistrableDomain(host) }

// OutletFromURL is Outlet of the URL's host, or "" when raw is no absolute
// URL.
func OutletFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return Outlet(u.Host)
}

// multiSuffix lists public suffixes of two labels under which news sites
// register, plus hosting platforms whose subdomains are separate publishers.
var multiSuffix = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`
		co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk sch.uk
		com.au net.au org.au edu.au gov.au id.au asn.au
		co.nz org.nz net.nz govt.nz ac.nz
		com.ar gob.ar org.ar net.ar
		com.br gov.br org.br net.br jor.br
		com.co gov.co org.co net.co
		com.mx gob.mx org.mx net.mx
		com.pe gob.pe org.pe com.ve gob.ve com.ec gob.ec com.uy com.py com.bo gob.bo
		com.sv gob.sv com.gt gob.gt com.hn com.ni com.pa com.do gob.do com.cu co.cr
		com.pk gov.pk org.pk co.in net.in org.in gov.in nic.in firm.in
		co.jp ne.jp or.jp go.jp ac.jp co.kr or.kr go.kr
		com.cn net.cn org.cn gov.cn com.hk org.hk com.tw org.tw gov.tw
		com.sg gov.sg com.my gov.my com.ph gov.ph com.vn gov.vn co.id or.id go.id co.th or.th go.th
		com.tr gov.tr org.tr com.ua gov.ua co.il org.il gov.il
		com.eg gov.eg com.sa gov.sa com.qa com.kw com.lb com.jo
		co.za org.za gov.za com.ng gov.ng co.ke or.ke com.gh co.tz co.ug co.zw com.et
		com.es org.es gob.es com.pt com.pl com.gr com.cy co.at or.at com.mt com.ru
		blogspot.com wordpress.com substack.com medium.com github.io tumblr.com
	`) {
		multiSuffix[s] = true
	}
}
