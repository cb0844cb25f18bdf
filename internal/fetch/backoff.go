package fetch

import (
	"math/rand/v2"
	"time"
)

// BackoffPolicy spaces retries after consecutive failures: Base after the
// first, doubling with each further one, never more than Max, spread by
// up to ±Jitter/2 of the wait so that many feeds failing together do not
// retry together.
type BackoffPolicy struct {
	Base   time.Duration
	Max    time.Duration
	Jitter float64 // 0 (exact) to 1 (anywhere from half to one and a half times the wait)
	// Rand returns a number in [0, 1); nil means math/rand/v2.Float64.
	// Tests make it fixed.
	Rand func() float64
}

// DefaultBackoff is one minute, doubling, capped at a day, without jitter.
var DefaultBackoff = BackoffPolicy{Base: time.Minute, Max: 24 * time.Hour}

// Backoff is DefaultBackoff's wait after failures consecutive failures:
// 0 for none, 1 min, 2 min, 4 min, … up to 24 h.
func Backoff(failures int) time.Duration { return DefaultBackoff.Delay(failures) }

// Delay is how long to wait after failures consecutive failures; 0 when
// there are none.
func (p BackoffPolicy) Delay(failures int) time.Duration {
	if failures <= 0 || p.Base <= 0 {
		return 0
	}
	d := p.Base
	for i := 1; i < failures && (p.Max <= 0 || d < p.Max); i++ {
		if d > time.Duration(1<<62)/2 {
			break
		}
		d *= 2
	}
	if p.Max > 0 && d > p.Max {
		d = p.Max
	}
	if p.Jitter > 0 {
		rnd := p.Rand
		if rnd == nil {
			rnd = rand.Float64
		}
		j := min(p.Jitter, 1)
		d = time.Duration(float64(d) * (1 - j/2 + j*rnd()))
	}
	return d
}
