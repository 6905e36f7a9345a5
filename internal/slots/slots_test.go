package slots

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// No more than n jobs ever run at once, even when their callers give up.
func TestPoolBoundsWork(t *testing.T) {
	p := New(2, 100)
	var running, peak atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			Do(context.Background(), p, 5*time.Millisecond, func(ctx context.Context) int {
				n := running.Add(1)
				for {
					m := peak.Load()
					if n <= m || peak.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(20 * time.Millisecond) // ignores its context: keeps the slot
				running.Add(-1)
				return 0
			})
		})
	}
	wg.Wait()
	for p.InUse() > 0 {
		time.Sleep(time.Millisecond)
	}
	if peak.Load() > 2 {
		t.Fatalf("%d jobs at once, want ≤ 2", peak.Load())
	}
}

func TestDoResults(t *testing.T) {
	p := New(1, 1)
	v, err := Do(context.Background(), p, time.Second, func(context.Context) string { return "ok" })
	if v != "ok" || err != nil {
		t.Fatalf("got %q, %v", v, err)
	}
	// Over budget: answered at once, the slot held until the job returns.
	stop := make(chan struct{})
	_, err = Do(context.Background(), p, 10*time.Millisecond, func(context.Context) int { <-stop; return 1 })
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("over budget: %v", err)
	}
	if p.InUse() != 1 {
		t.Fatalf("slot given back before the job ended")
	}
	// Waiting counts against the budget: busy.
	if _, err := Do(context.Background(), p, 10*time.Millisecond, func(context.Context) int { return 1 }); !errors.Is(err, ErrBusy) {
		t.Fatalf("no slot: %v", err)
	}
	close(stop)
	// The caller gone: its context's error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	time.Sleep(5 * time.Millisecond)
	if _, err := Do(ctx, p, time.Second, func(ctx context.Context) int { <-ctx.Done(); return 1 }); !errors.Is(err, context.Canceled) {
		t.Fatalf("caller gone: %v", err)
	}
}

// A full queue refuses at once.
func TestQueueFull(t *testing.T) {
	p := New(1, 1)
	release, _ := p.Acquire(context.Background())
	defer release()
	got := make(chan error)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := p.Acquire(ctx)
		got <- err
	}()
	for p.Waiting() == 0 {
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	if _, err := p.Acquire(context.Background()); !errors.Is(err, ErrBusy) || !errors.Is(err, ErrFull) {
		t.Fatalf("queue full: %v", err)
	}
	if time.Since(start) > 500*time.Millisecond {
		t.Fatal("a full queue made the caller wait")
	}
	release()
	if err := <-got; err != nil {
		t.Fatalf("the waiting caller: %v", err)
	}
}

// A job that panics is an error for its caller, not the end of the
// process, and gives its slot back.
func TestPanicIsAnError(t *testing.T) {
	p := New(1, 0)
	_, err := Do(context.Background(), p, time.Second, func(context.Context) int { panic("hỏng") })
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "hỏng" {
		t.Fatalf("err = %v", err)
	}
	for p.InUse() > 0 {
		time.Sleep(time.Millisecond)
	}
}

// A job that ends is its result, never a spurious error: its context is
// cancelled as it returns, and the caller must not take that for the
// caller's own context ending (it did, now and then, under load).
func TestFinishedJobIsNoError(t *testing.T) {
	p := New(4, 100)
	for i := range 20_000 {
		v, err := Do(context.Background(), p, time.Minute, func(context.Context) int { return i })
		if err != nil || v != i {
			t.Fatalf("call %d: %v, %v", i, v, err)
		}
	}
}
