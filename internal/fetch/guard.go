package fetch

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// Resolver looks up a host's addresses. *net.Resolver is one; tests map
// names to the addresses of their own servers.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// blockedError is a connection refused by the address guard.
type blockedError struct{ addr netip.Addr }

func (e *blockedError) Error() string { return "refusing private address " + e.addr.String() }

// Prefixes that are not the public internet, beyond what netip's own
// predicates (IsPrivate, IsLoopback, IsLinkLocal…, IsMulticast,
// IsUnspecified) cover.
var nonPublic = func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",         // "this network"
		"100.64.0.0/10",     // carrier-grade NAT (RFC 6598)
		"192.0.0.0/24",      // IETF protocol assignments
		"192.0.2.0/24",      // documentation (TEST-NET-1)
		"198.18.0.0/15",     // benchmarking
		"198.51.100.0/24",   // documentation (TEST-NET-2)
		"203.0.113.0/24",    // documentation (TEST-NET-3)
		"240.0.0.0/4",       // reserved, and the broadcast address
		"fec0::/10",         // deprecated site-local
		"2001:db8::/32",     // documentation
		"100::/64",          // discard-only
		"64:ff9b:1::/48",    // local-use NAT64
		"::/128", "::1/128", // covered by netip too; kept for clarity
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
}()

// nat64 is the well-known NAT64 prefix: its addresses embed an IPv4
// address in their last 32 bits, which is what the guard judges.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// isBlocked reports whether addr is anything but a public unicast address:
// private (RFC 1918, IPv6 ULA fc00::/7), loopback, link-local, unspecified,
// multicast, carrier-grade NAT, or reserved. IPv4-mapped and NAT64 IPv6
// addresses are judged by the IPv4 address they carry.
func isBlocked(addr netip.Addr) bool {
	addr = addr.Unmap()
	if addr.Is6() && nat64.Contains(addr) {
		b := addr.As16()
		addr = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	if !addr.IsValid() || addr.IsPrivate() || addr.IsLoopback() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() ||
		addr.IsUnspecified() {
		return true
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// dialer connects only to addresses the guard lets through. The check runs
// on the address actually dialled, after resolution, so a name that
// resolves to a private address (DNS rebinding included) and a redirect to
// one are both caught; the Control hook checks the socket's address once
// more, whatever path led to it.
type dialer struct {
	resolver Resolver
	blocked  func(netip.Addr) bool // nil: everything is allowed
	d        net.Dialer
}

func newDialer(resolver Resolver, blocked func(netip.Addr) bool) *dialer {
	dl := &dialer{resolver: resolver, blocked: blocked}
	dl.d = net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if blocked != nil {
		dl.d.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return err
			}
			if blocked(ap.Addr()) {
				return &blockedError{ap.Addr()}
			}
			return nil
		}
	}
	return dl
}

// DialContext resolves addr's host itself and dials the allowed addresses
// in turn, so that what was checked is what is connected to.
func (dl *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		ips = []netip.Addr{ip}
	} else {
		as, err := dl.resolver.LookupIPAddr(ctx, host)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			if ip, ok := netip.AddrFromSlice(a.IP); ok {
				ips = append(ips, ip.Unmap())
			}
		}
		if len(ips) == 0 {
			return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
	}
	var first error
	for _, ip := range ips {
		if dl.blocked != nil && dl.blocked(ip) {
			if first == nil {
				first = &blockedError{ip}
			}
			continue
		}
		c, err := dl.d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return c, nil
		}
		var be *blockedError
		if first == nil || errors.As(first, &be) {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, first
}
