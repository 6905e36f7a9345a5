package web

import (
	"fmt"
	"net"
	"testing"
	"time"
)

func TestLimiterPerAddress(t *testing.T) {
	l := newLimiter()
	now := testNow
	for i := range loginFailures {
		if ok, _ := l.begin("10.0.0.1", now); !ok {
			t.Fatalf("attempt %d refused", i+1)
		}
		l.end("10.0.0.1", now, attemptFailed)
	}
	if ok, wait := l.begin("10.0.0.1", now); ok || wait != loginLock {
		t.Fatalf("after %d failures: ok %v wait %v", loginFailures, ok, wait)
	}
	// Another address is not held.
	if ok, _ := l.begin("10.0.0.2", now); !ok {
		t.Fatal("another address refused")
	}
	// The lock ends; one more failure doubles it.
	now = now.Add(loginLock + time.Second)
	if ok, _ := l.begin("10.0.0.1", now); !ok {
		t.Fatal("still locked after the lock")
	}
	l.end("10.0.0.1", now, attemptFailed)
	if _, wait := l.begin("10.0.0.1", now); wait != 2*loginLock {
		t.Fatalf("second lock %v, want %v", wait, 2*loginLock)
	}
	// After a lock, one attempt at a time.
	now = now.Add(2*loginLock + time.Second)
	if ok, _ := l.begin("10.0.0.1", now); !ok {
		t.Fatal("still locked after the second lock")
	}
	if ok, _ := l.begin("10.0.0.1", now); ok {
		t.Fatal("two attempts at once after a lock")
	}
	l.end("10.0.0.1", now, attemptUnheard)
	// Quiet for a window after the lock: forgotten.
	now = now.Add(loginWindow + time.Second)
	if ok, _ := l.begin("10.0.0.1", now); !ok {
		t.Fatal("a quiet address still held")
	}
	l.end("10.0.0.1", now, attemptOK)
	// Attempts under way count: five at once, the sixth waits.
	for range loginFailures {
		if ok, _ := l.begin("10.0.0.3", now); !ok {
			t.Fatal("refused under the limit")
		}
	}
	if ok, _ := l.begin("10.0.0.3", now); ok {
		t.Fatal("a sixth attempt at once let in")
	}
}

// Guessing from many addresses: past globalFailures failures in a
// window, one attempt per globalGap is let through for addresses that
// have failed; this computer and an address with no failure are never
// held by it.
func TestLimiterGlobal(t *testing.T) {
	l := newLimiter()
	now := testNow
	for i := range globalFailures {
		addr := fmt.Sprintf("10.1.%d.%d", i/200, i%200)
		if ok, _ := l.begin(addr, now); !ok {
			t.Fatalf("attempt %d refused", i)
		}
		l.end(addr, now, attemptFailed)
	}
	if ok, _ := l.begin("10.1.0.1", now); !ok {
		t.Fatal("the first throttled attempt refused")
	}
	l.end("10.1.0.1", now, attemptFailed)
	if ok, wait := l.begin("10.1.0.2", now); ok || wait != globalGap {
		t.Fatalf("a second attempt within the gap from an address that failed: ok %v, wait %v", ok, wait)
	}
	// An address with no failure, and this computer, are not held.
	for _, addr := range []string{"10.2.0.1", "127.0.0.1", "::1"} {
		if ok, _ := l.begin(addr, now); !ok {
			t.Fatalf("%s held by the others' failures", addr)
		}
		l.end(addr, now, attemptFailed)
	}
	// Once failed, it waits its turn like the others.
	if ok, _ := l.begin("10.2.0.1", now); ok {
		t.Fatal("an address that failed once let in within the gap")
	}
	// Loopback, even after failing, only by its own lock.
	if ok, _ := l.begin("127.0.0.1", now); !ok {
		t.Fatal("loopback held by the global throttle")
	}
	l.end("127.0.0.1", now, attemptOK)
	if ok, _ := l.begin("10.1.0.3", now.Add(globalGap)); !ok {
		t.Fatal("refused after the gap")
	}
	// The window passes: no throttling.
	later := now.Add(loginWindow + time.Second)
	for i := range 3 {
		if ok, _ := l.begin(fmt.Sprintf("10.1.0.%d", 10+i), later); !ok {
			t.Fatal("throttled after the window")
		}
	}
}

// A lock lasts an hour at most, however many failures.
func TestLimiterLockBounded(t *testing.T) {
	l := newLimiter()
	now := testNow
	longest := time.Duration(0)
	for range 40 {
		if ok, wait := l.begin("10.0.0.9", now); !ok {
			longest = max(longest, wait)
			now = now.Add(wait + time.Second)
			continue
		}
		l.end("10.0.0.9", now, attemptFailed)
	}
	if longest != time.Hour {
		t.Fatalf("the longest lock %v, want an hour", longest)
	}
}

// The limiter's memory is bounded: quiet addresses are pruned, and
// beyond maxAddrs the address seen longest ago is forgotten, so that a
// newcomer (the officer) is never refused for a full table. An IPv6 block
// counts once.
func TestLimiterBounded(t *testing.T) {
	l := newLimiter()
	now := testNow
	for i := range maxAddrs + 500 {
		addr := net.IPv4(11, byte(i>>16), byte(i>>8), byte(i)).String()
		l.begin(addr, now)
		l.end(addr, now, attemptFailed)
		now = now.Add(time.Millisecond)
	}
	if n := len(l.addrs); n > maxAddrs {
		t.Fatalf("%d entries", n)
	}
	if _, ok := l.addrs["11.0.0.0"]; ok {
		t.Fatal("the oldest address kept over a newcomer")
	}
	if _, ok := l.addrs[net.IPv4(11, 0, 40, 0).String()]; !ok {
		t.Fatal("a recent address forgotten")
	}
	later := now.Add(loginWindow + 2*time.Minute)
	l.begin("12.0.0.1", later)
	if n := len(l.addrs); n > 2 {
		t.Fatalf("%d entries after the window, want the quiet ones pruned", n)
	}
	for i := range loginFailures {
		addr := fmt.Sprintf("2001:db8:1:2::%x", i+1)
		l.begin(addr, later)
		l.end(addr, later, attemptFailed)
	}
	if ok, _ := l.begin("2001:db8:1:2:ffff::1", later); ok {
		t.Fatal("one /64 guessed past the limit by changing addresses")
	}
}

func TestAddrKey(t *testing.T) {
	for in, want := range map[string]string{
		"192.168.1.2":               "192.168.1.2",
		"2001:db8:aa:bb:1:2:3:4":    "2001:db8:aa:bb::/64",
		"::ffff:192.168.1.2":        "::ffff:192.168.1.2",
		"not an address":            "not an address",
		"2001:db8:aa:bb::dead:b33f": "2001:db8:aa:bb::/64",
	} {
		if got := addrKey(in); got != want {
			t.Errorf("addrKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
