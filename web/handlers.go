package web

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/slots"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/store"
)

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// fail answers with a Vietnamese message, as JSON or as a page. An
// internal error (500) is logged with a reference number that the
// message gives; internalError is the way to pass its cause along.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if code == http.StatusInternalServerError {
		s.failCause(w, r, code, msg, errors.New("không rõ nguyên nhân"))
		return
	}
	s.answer(w, r, code, msg)
}

// internalError answers 500 and keeps err, the cause, in the log.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.failCause(w, r, http.StatusInternalServerError, msgInternal, err)
}

// failCause answers code with msg and logs the cause under a reference
// the person is given.
func (s *Server) failCause(w http.ResponseWriter, r *http.Request, code int, msg string, cause error) {
	ref := s.log.Error("yêu cầu không thực hiện được", cause, "method", r.Method, "path", r.URL.Path, "status", code)
	s.answer(w, r, code, msg+" "+fmt.Sprintf(msgReference, ref))
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, code int, msg string) {
	s.answerTitled(w, r, code, msgErrorTitle, msg)
}

// answerTitled is answer under a page title of its own.
func (s *Server) answerTitled(w http.ResponseWriter, r *http.Request, code int, title, msg string) {
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		if err := json.NewEncoder(w).Encode(map[string]string{"error": msg}); err != nil {
			return // the client went away
		}
		return
	}
	back, label := "/", msgBackHome
	if tok, ok := unitPath(r.URL.Path); ok && strings.Count(r.URL.Path, "/") > 2 { // a page under a unit's link
		back, label = "/u/"+tok, msgBackUnit
	}
	s.renderCode(w, code, "message.html", map[string]any{"Title": title, "Message": msg, "Back": back, "BackLabel": label})
}

// unitPath gives the token of a path under a unit's link, "/u/TOKEN/…".
func unitPath(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/u/")
	if !ok {
		return "", false
	}
	tok, _, _ := strings.Cut(rest, "/")
	return tok, tok != ""
}

func (s *Server) render(w http.ResponseWriter, name string, data map[string]any) {
	s.renderCode(w, http.StatusOK, name, data)
}

// renderCode is render answering with code (a page that refuses what was
// sent says why on the page itself); the code is written once the page is
// made, so a page that cannot be made answers 500 instead.
func (s *Server) renderCode(w http.ResponseWriter, code int, name string, data map[string]any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if data == nil {
		data = map[string]any{}
	}
	data["Agency"] = s.latest().Document.StandingAgency
	data["W"] = desk.WordsOf(s.latest().Level) // what the pages call the reporting units
	data["Version"] = s.cfg.Version
	if _, ok := data["Title"]; !ok {
		data["Title"] = msgPageTitle
		for _, it := range officerNav {
			if it.Key == navOf[name] {
				data["Title"] = it.Label
			}
		}
	}
	if _, ok := data["Plan"]; !ok {
		data["Plan"] = s.latest()
	}
	data["Nav"] = navOf[name]
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		ref := s.log.Error("trang không dựng được", err, "page", name)
		http.Error(w, msgInternal+" "+fmt.Sprintf(msgReference, ref), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(code)
	w.Write(b.Bytes()) // a client gone mid-answer is no error of the desk's
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.passwordSet(); !ok {
		if !isLocal(r) {
			s.fail(w, r, http.StatusForbidden, msgSetupLocalOnly)
			return
		}
		s.render(w, "setup.html", nil)
		return
	}
	if s.officerSession(r) {
		http.Redirect(w, r, "/bang", http.StatusSeeOther)
		return
	}
	s.render(w, "login.html", nil)
}

// setup sets the first password, from this computer only.
func (s *Server) setup(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusRequestEntityTooLarge, msgBodyTooLarge)
		return
	}
	if _, ok := s.passwordSet(); ok || !isLocal(r) {
		s.fail(w, r, http.StatusForbidden, msgSetupLocalOnly)
		return
	}
	pw, again := r.PostFormValue("password"), r.PostFormValue("again")
	if len([]rune(pw)) < 8 || pw != again {
		s.renderCode(w, http.StatusBadRequest, "setup.html", map[string]any{"Error": msgPasswordRule})
		return
	}
	err := s.hashed(r.Context(), func() error { return SetPassword(s.store, pw, s.now()) })
	if errors.Is(err, errBusy) {
		s.fail(w, r, http.StatusServiceUnavailable, msgLoginBusy)
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	// The first run goes on to the document's details (the header).
	s.startSession(w, r, "/van-ban?dau=1")
}

// hashed runs fn, which hashes a password, in the hashing pool: argon2id
// takes 64 MiB, and no flood of logins may run many at once.
func (s *Server) hashed(ctx context.Context, fn func() error) error {
	return s.hashedIn(ctx, s.hashing, fn)
}

func (s *Server) hashedIn(ctx context.Context, pool *slots.Pool, fn func() error) error {
	err, perr := slots.Do(ctx, pool, hashWait, func(context.Context) error {
		defer runtime.GC() // the 64 MiB just freed is reused by the next hash, not added to it
		return fn()
	})
	if perr != nil {
		return errors.Join(errBusy, perr)
	}
	return err
}

// hashWait bounds the wait for a hashing slot and the hashing itself.
const hashWait = 10 * time.Second

// login checks the officer's password. The body is read first, under its
// small cap; then the limiter reserves the attempt (refused while the
// address is locked, however right the password); then the password is
// hashed in the hashing pool.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r)
	if err := r.ParseForm(); err != nil {
		// Broken off, slow or oversized: no password was checked, and
		// the address is not locked for it (a shared office's network).
		s.fail(w, r, http.StatusRequestEntityTooLarge, msgBodyTooLarge)
		return
	}
	pw := r.PostFormValue("password")
	ok, wait := s.logins.begin(addr, s.now())
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.fail(w, r, http.StatusTooManyRequests, fmt.Sprintf(msgTooManyLogins, waitText(wait)))
		return
	}
	stored, set := s.passwordSet()
	var right bool
	err := s.hashedIn(r.Context(), s.hashPool(r, addr), func() error {
		right = set && checkPassword(pw, stored)
		return nil
	})
	switch {
	case errors.Is(err, context.Canceled) || r.Context().Err() != nil:
		s.logins.end(addr, s.now(), attemptFailed) // broken off: counted
		return
	case err != nil:
		// Refused at once (the queue full): never heard, not counted.
		// Queued but not answered in time: an attempt all the same.
		o := attemptFailed
		if errors.Is(err, slots.ErrFull) {
			o = attemptUnheard
		}
		s.logins.end(addr, s.now(), o)
		w.Header().Set("Retry-After", "5")
		s.fail(w, r, http.StatusServiceUnavailable, msgLoginBusy)
		return
	case !right:
		s.logins.end(addr, s.now(), attemptFailed)
		time.Sleep(300 * time.Millisecond) // slows guessing
		if wantsJSON(r) {
			s.fail(w, r, http.StatusUnauthorized, msgWrongPassword)
			return
		}
		s.renderCode(w, http.StatusUnauthorized, "login.html", map[string]any{"Error": msgWrongPassword})
		return
	}
	s.logins.end(addr, s.now(), attemptOK)
	s.markKnown(w)
	s.startSession(w, r, "/bang")
}

// waitText says a wait in minutes (or seconds, when under one).
func waitText(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf(msgSeconds, int(d.Seconds())+1)
	}
	return fmt.Sprintf(msgMinutes, int(d.Minutes()+0.999))
}

// startSession logs the officer in and goes on to page to.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, to string) {
	token, err := randomToken()
	if err == nil {
		err = s.store.StartSession(store.Session{TokenHash: tokenHash(token), Created: s.now(), Expires: s.now().Add(sessionLife),
			From: clientAddr(r), Agent: r.UserAgent()}, s.now())
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	http.SetCookie(w, s.sessionCookie(token, int(sessionLife.Seconds())))
	if wantsJSON(r) {
		writeJSON(w, map[string]string{"ok": "true"})
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// logout ends the session on the desk, not only in the browser: the old
// cookie opens nothing after.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.store.EndSession(tokenHash(c.Value)); err != nil {
			s.internalError(w, r, err)
			return
		}
	}
	http.SetCookie(w, s.sessionCookie("", -1))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return // the client went away; v is the desk's own data
	}
}

// readUploads reads the multipart files of field (the body is capped and
// parsed already: limitBodies, spooled), each within MaxUpload.
func (s *Server) readUploads(w http.ResponseWriter, r *http.Request, field string) ([]File, error) {
	if err := r.ParseMultipartForm(spillAbove); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, fmt.Errorf(msgTooLarge, s.cfg.MaxUpload>>20)
		}
		return nil, errors.New(msgNoFile)
	}
	var out []File
	for _, fh := range r.MultipartForm.File[field] {
		f, err := fh.Open()
		if err != nil {
			return nil, errors.New(msgNoFile)
		}
		data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxUpload+1))
		err = errors.Join(err, f.Close())
		if err != nil || int64(len(data)) > s.cfg.MaxUpload {
			return nil, fmt.Errorf(msgTooLarge, s.cfg.MaxUpload>>20)
		}
		out = append(out, File{Name: fileName(fh.Filename), Data: data, Modified: s.now()})
	}
	if len(out) == 0 {
		return nil, errors.New(msgNoFile)
	}
	return out, nil
}

// maxNameRunes bounds a file name as stored and shown.
const maxNameRunes = 100

// fileName is the name the desk keeps for a file sent as name: only its
// base name (never a path the client sent), NFC, at most maxNameRunes
// characters with its extension kept.
func fileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1 // control characters
		}
		return r
	}, vi.NFC(name))
	if utf8.RuneCountInString(name) <= maxNameRunes {
		return name
	}
	ext := path.Ext(name)
	if utf8.RuneCountInString(ext) > 10 {
		ext = ""
	}
	base := []rune(strings.TrimSuffix(name, ext))
	return string(base[:maxNameRunes-1-utf8.RuneCountInString(ext)]) + "…" + ext
}

// attach sends a file to download, under an ASCII name.
func attach(w http.ResponseWriter, name string, b []byte) {
	ct := "application/octet-stream"
	switch {
	case strings.HasSuffix(name, ".xlsx"):
		ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case strings.HasSuffix(name, ".pdf"):
		ct = "application/pdf"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	sendPaced(w, b) // a client gone mid-download is no error of the desk's
}

// storedFile returns an upload by its id, for unit ("" for the officer:
// any unit's).
func (s *Server) storedFile(r *http.Request, unitID string) (store.Upload, []byte, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return store.Upload{}, nil, false
	}
	up, data, err := s.store.Upload(id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		s.log.Error("tệp đã lưu không đọc được", err, "id", id)
	}
	if err != nil || (unitID != "" && up.UnitID != unitID) {
		return store.Upload{}, nil, false
	}
	return up, data, true
}

func (s *Server) annotated(w http.ResponseWriter, r *http.Request) {
	up, data, ok := s.storedFile(r, "")
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	s.sendAnnotated(w, r, up, data)
}

func (s *Server) sendAnnotated(w http.ResponseWriter, r *http.Request, up store.Upload, data []byte) {
	if up.Kept < up.Size {
		s.fail(w, r, http.StatusUnprocessableEntity, msgNoAnnotation)
		return
	}
	fs, err := findingsOf(up)
	if err != nil {
		s.internalError(w, r, fmt.Errorf("findings of upload %d: %w", up.ID, err))
		return
	}
	b, err := s.engine.Annotate(r.Context(), File{Name: up.Name, Data: data, Modified: up.At}, fs)
	switch {
	case isRefusal(err):
		s.failErr(w, r, err)
		return
	case err != nil:
		// The adapter's own words: the file cannot be copied with marks.
		s.fail(w, r, http.StatusUnprocessableEntity, msgNoAnnotation+" ("+err.Error()+")")
		return
	}
	attach(w, vi.Slug(strings.TrimSuffix(up.Name, ".xlsx"))+".loi.xlsx", b)
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	up, data, ok := s.storedFile(r, "")
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	s.sendStored(w, r, up, data)
}

// sendStored sends a stored file as it came, under an ASCII name; a file
// of which only the start was kept cannot be (410).
func (s *Server) sendStored(w http.ResponseWriter, r *http.Request, up store.Upload, data []byte) {
	if up.Kept < up.Size {
		s.fail(w, r, http.StatusGone, fmt.Sprintf(msgOnlyPrefix, up.Kept>>10))
		return
	}
	attach(w, vi.Slug(strings.TrimSuffix(up.Name, ".xlsx"))+".xlsx", data)
}
