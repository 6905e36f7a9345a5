package web

import (
	"net"
	"slices"
	"sync"
	"time"
)

// limiter holds back password guessing. Each attempt is reserved before
// the password is hashed, so that concurrent attempts count at once:
//   - per address (an IPv6 address by its /64): loginFailures failures, or
//     attempts under way, and the address is locked for loginLock; after
//     that it may try one at a time, each further failure doubling the
//     lock (up to maxLock, an hour: a shared office or a carrier's NAT is
//     never shut out for a day), until it is quiet for a window. A
//     correct password while locked is refused like any other.
//   - in all: past globalFailures failures in loginWindow, from however
//     many addresses, one attempt per globalGap is let through for the
//     addresses that have failed. This computer's browser (ownMachine),
//     and an address with no failure and no attempt under way, are never
//     held by it: guessers from many addresses cannot shut the officer
//     out.
//
// Only a password checked counts: a request broken off before its body
// was read guessed nothing and costs the desk no hash. Memory is bounded:
// quiet addresses are pruned, and beyond maxAddrs the address seen
// longest ago is forgotten for a newcomer.
type limiter struct {
	mu     sync.Mutex
	addrs  map[string]*attempts
	global []time.Time // recent failures, all addresses, oldest first
	next   time.Time   // when global throttling lets the next attempt in
	pruned time.Time
}

type attempts struct {
	failures int       // since the address was last quiet
	inflight int       // attempts being checked now
	last     time.Time // last failure
	until    time.Time // locked until
	seen     time.Time // last attempt begun or ended
}

const (
	loginWindow    = 10 * time.Minute
	loginFailures  = 5
	loginLock      = 10 * time.Minute
	maxLock        = time.Hour
	globalFailures = 30
	globalGap      = 10 * time.Second
	maxAddrs       = 10_000
)

func newLimiter() *limiter { return &limiter{addrs: map[string]*attempts{}} }

// outcome of an attempt.
type outcome int

const (
	attemptFailed  outcome = iota
	attemptOK              // the right password
	attemptUnheard         // never checked (the desk was busy): counts for nothing
)

// begin reserves an attempt for addr, or says how long to wait.
func (l *limiter) begin(addr string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(now)
	a := l.entry(addr, now)
	if now.Before(a.until) {
		return false, a.until.Sub(now)
	}
	// After a lock, one attempt at a time: its failure locks again, longer.
	limit := max(loginFailures, a.failures+1)
	if a.failures+a.inflight >= limit {
		return false, loginLock
	}
	if l.recentGlobal(now) >= globalFailures && (a.failures > 0 || a.inflight > 0) && !ownMachine(addr) {
		if now.Before(l.next) {
			return false, l.next.Sub(now)
		}
		l.next = now.Add(globalGap)
	}
	a.inflight++
	return true, 0
}

// end closes an attempt begun for addr.
func (l *limiter) end(addr string, now time.Time, o outcome) {
	l.mu.Lock()
	defer l.mu.Unlock()
	a := l.entry(addr, now)
	a.inflight = max(0, a.inflight-1)
	switch o {
	case attemptOK:
		if a.inflight == 0 && now.After(a.until) {
			delete(l.addrs, addrKey(addr))
		}
	case attemptFailed:
		l.failed(a, now)
	}
}

func (l *limiter) failed(a *attempts, now time.Time) {
	a.failures++
	a.last = now
	if n := a.failures - loginFailures; n >= 0 {
		lock := loginLock << min(n, 10)
		a.until = now.Add(min(lock, maxLock))
	}
	l.global = append(l.global, now)
	if len(l.global) > 4*globalFailures {
		l.global = slices.Delete(l.global, 0, len(l.global)-2*globalFailures)
	}
}

func (l *limiter) recentGlobal(now time.Time) int {
	i, _ := slices.BinarySearchFunc(l.global, now.Add(-loginWindow), func(t, cut time.Time) int { return t.Compare(cut) })
	l.global = l.global[i:]
	return len(l.global)
}

// entry is addr's record, made if needed (forgetting the address seen
// longest ago when the table is full); quiet for a window, it starts
// over.
func (l *limiter) entry(addr string, now time.Time) *attempts {
	key := addrKey(addr)
	a, ok := l.addrs[key]
	if !ok {
		if len(l.addrs) >= maxAddrs {
			l.forgetOldest()
		}
		a = &attempts{seen: now}
		l.addrs[key] = a
		return a
	}
	if a.quiet(now) {
		*a = attempts{}
	}
	a.seen = now
	return a
}

// forgetOldest drops the entry seen longest ago, of those with no attempt
// under way.
func (l *limiter) forgetOldest() {
	var oldest string
	var at time.Time
	for k, a := range l.addrs {
		if a.inflight == 0 && (oldest == "" || a.seen.Before(at)) {
			oldest, at = k, a.seen
		}
	}
	delete(l.addrs, oldest)
}

// quiet: nothing under way, no failure for a window, and a window past
// the end of any lock.
func (a *attempts) quiet(now time.Time) bool {
	return a.inflight == 0 && now.Sub(a.last) > loginWindow && now.After(a.until.Add(loginWindow))
}

// prune forgets quiet addresses, at most once a minute unless full.
func (l *limiter) prune(now time.Time) {
	if now.Sub(l.pruned) < time.Minute && len(l.addrs) < maxAddrs {
		return
	}
	l.pruned = now
	for k, a := range l.addrs {
		if a.quiet(now) {
			delete(l.addrs, k)
		}
	}
}

// addrKey is the key an address is counted under: an IPv4 address itself,
// an IPv6 address by its /64 (one subscriber's whole block).
func addrKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
