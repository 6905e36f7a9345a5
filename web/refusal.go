package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// refusal is a request the desk turns down: the status and the message the
// person reads. An internal error becomes one after its cause is logged
// (logged), so whoever meets it has a reference number.
type refusal struct {
	code int
	msg  string
}

func (r *refusal) Error() string { return r.msg }

func refuse(code int, msg string) error { return &refusal{code: code, msg: msg} }

// logged keeps err in the log and returns the refusal a person is shown in
// its place: 500, with the reference.
func (s *Server) logged(err error) error {
	ref := s.log.Error("lỗi bên trong", err)
	return refuse(http.StatusInternalServerError, msgInternal+" "+fmt.Sprintf(msgReference, ref))
}

// failErr answers an error of the desk's work: a refusal with its status
// and message (a quota 413 or 507, a file over its time 422, the desk busy
// 503), a client gone nothing at all, and anything else as an internal
// error whose cause is logged.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var rf *refusal
	switch {
	case errors.As(err, &rf):
		if rf.code == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
		}
		s.answer(w, r, rf.code, rf.msg)
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client left: no one reads an answer.
	default:
		s.internalError(w, r, err)
	}
}

// retryAfter is the seconds a busy desk asks a client to wait.
const retryAfter = 30

// isRefusal reports whether err is the desk's own answer (a refusal, busy,
// the client gone) rather than a failure of the work itself.
func isRefusal(err error) bool {
	var rf *refusal
	return errors.As(err, &rf) || errors.Is(err, context.Canceled)
}
