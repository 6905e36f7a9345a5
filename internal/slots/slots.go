// Package slots bounds the work done for requests: a Pool lets a fixed
// number of jobs run at once, keeps a bounded queue of jobs waiting for a
// slot, and runs each job under a time budget. A job whose budget ends (or
// whose caller goes away) is answered at once, but keeps its slot until it
// really returns, so a slow or hostile input can never multiply the work
// in flight. The desk uses one pool for reading, checking, merging,
// annotating and writing templates, and one for password hashing.
package slots

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// PanicError is a job that panicked: the desk answers it as an internal
// error instead of going down with it.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v\n%s", e.Value, e.Stack) }

var (
	// ErrBusy: no slot came free within the budget, or the queue was full.
	ErrBusy = errors.New("slots: busy")
	// ErrTimeout: the job ran past its budget.
	ErrTimeout = errors.New("slots: over budget")
	// ErrFull is ErrBusy at once: the queue was full, nothing waited.
	ErrFull = fmt.Errorf("%w: queue full", ErrBusy)
)

// Pool is a set of slots with a bounded queue.
type Pool struct {
	slots   chan struct{}
	queue   int32
	waiting atomic.Int32
}

// New makes a pool of n slots (at least 1) where at most queue callers wait.
func New(n, queue int) *Pool {
	return &Pool{slots: make(chan struct{}, max(n, 1)), queue: int32(max(queue, 0))}
}

// Acquire waits for a slot until ctx ends; release gives it back. It fails
// at once with ErrBusy when the queue is full, and with ErrBusy (or ctx's
// error, when the caller went away) when ctx ends first.
func (p *Pool) Acquire(ctx context.Context) (release func(), err error) {
	if ctx.Err() != nil {
		return nil, ended(ctx)
	}
	select {
	case p.slots <- struct{}{}:
		return p.releaser(), nil
	default:
	}
	if p.waiting.Add(1) > p.queue {
		p.waiting.Add(-1)
		return nil, ErrFull
	}
	defer p.waiting.Add(-1)
	select {
	case p.slots <- struct{}{}:
		return p.releaser(), nil
	case <-ctx.Done():
		return nil, ended(ctx)
	}
}

// ended says why ctx ended before a slot came: the caller went away, or
// the budget ran out while waiting (busy).
func ended(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	return ErrBusy
}

func (p *Pool) releaser() func() {
	var once atomic.Bool
	return func() {
		if once.CompareAndSwap(false, true) {
			<-p.slots
		}
	}
}

// InUse is the number of slots taken.
func (p *Pool) InUse() int { return len(p.slots) }

// Waiting is the number of callers in the queue.
func (p *Pool) Waiting() int { return int(p.waiting.Load()) }

// Do runs fn in a slot of p, with a context that ends after budget (or
// with ctx). Waiting for the slot counts against the budget. It returns
// fn's result, or ErrBusy, ErrTimeout, or ctx's error when the caller went
// away; fn then goes on in the background, holding its slot, until it
// returns: fn must watch its context to stop early. A panic in fn comes
// back as a *PanicError.
func Do[T any](ctx context.Context, p *Pool, budget time.Duration, fn func(context.Context) T) (T, error) {
	var zero T
	ctx, cancel := context.WithTimeout(ctx, budget)
	release, err := p.Acquire(ctx)
	if err != nil {
		cancel()
		return zero, err
	}
	done := make(chan T, 1)
	panicked := make(chan error, 1)
	go func() {
		defer release()
		defer cancel()
		defer func() {
			if v := recover(); v != nil {
				panicked <- &PanicError{Value: v, Stack: debug.Stack()}
			}
		}()
		done <- fn(ctx)
	}()
	select {
	case v := <-done:
		return v, nil
	case err := <-panicked:
		return zero, err
	case <-ctx.Done():
		// The job cancels its context as it returns, after its answer:
		// an answer there is the job's, not a caller gone.
		select {
		case v := <-done:
			return v, nil
		case err := <-panicked:
			return zero, err
		default:
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return zero, ErrTimeout
		}
		return zero, ctx.Err()
	}
}
