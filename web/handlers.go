package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/store"
)

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// fail answers with a Vietnamese message, as JSON or as a page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(map[string]string{"error": msg})
		return
	}
	w.WriteHeader(code)
	s.render(w, "message.html", map[string]any{"Title": msgErrorTitle, "Message": msg})
}

func (s *Server) render(w http.ResponseWriter, name string, data map[string]any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if data == nil {
		data = map[string]any{}
	}
	data["Agency"] = s.latest().Document.StandingAgency
	data["Version"] = s.cfg.Version
	if _, ok := data["Title"]; !ok {
		data["Title"] = msgPageTitle
	}
	if _, ok := data["Plan"]; !ok {
		data["Plan"] = s.latest()
	}
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, msgInternal, http.StatusInternalServerError)
		return
	}
	w.Write(b.Bytes())
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
	if _, ok := s.passwordSet(); ok || !isLocal(r) {
		s.fail(w, r, http.StatusForbidden, msgSetupLocalOnly)
		return
	}
	pw, again := r.FormValue("password"), r.FormValue("again")
	if len([]rune(pw)) < 8 || pw != again {
		w.WriteHeader(http.StatusBadRequest)
		s.render(w, "setup.html", map[string]any{"Error": msgPasswordRule})
		return
	}
	if err := SetPassword(s.store, pw, s.now()); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	s.startSession(w, r)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r)
	if s.logins.blocked(addr, s.now()) {
		s.fail(w, r, http.StatusTooManyRequests, msgTooManyLogins)
		return
	}
	stored, ok := s.passwordSet()
	if !ok || !checkPassword(r.FormValue("password"), stored) {
		s.logins.fail(addr, s.now())
		time.Sleep(300 * time.Millisecond) // slows guessing
		if wantsJSON(r) {
			s.fail(w, r, http.StatusUnauthorized, msgWrongPassword)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		s.render(w, "login.html", map[string]any{"Error": msgWrongPassword})
		return
	}
	s.startSession(w, r)
}

func (s *Server) startSession(w http.ResponseWriter, r *http.Request) {
	token, err := randomToken()
	if err == nil {
		err = s.store.AddSession(tokenHash(token), s.now().Add(sessionLife))
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: int(sessionLife.Seconds())})
	if wantsJSON(r) {
		writeJSON(w, map[string]string{"ok": "true"})
		return
	}
	http.Redirect(w, r, "/bang", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// readUploads reads the multipart files of field, capped in size.
func (s *Server) readUploads(w http.ResponseWriter, r *http.Request, field string) ([]File, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(s.cfg.MaxUpload); err != nil {
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
		f.Close()
		if err != nil || int64(len(data)) > s.cfg.MaxUpload {
			return nil, fmt.Errorf(msgTooLarge, s.cfg.MaxUpload>>20)
		}
		// Only the base name, never a path the client sent.
		name := fh.Filename
		if i := strings.LastIndexAny(name, `/\`); i >= 0 {
			name = name[i+1:]
		}
		out = append(out, File{Name: vi.NFC(name), Data: data, Modified: s.now()})
	}
	if len(out) == 0 {
		return nil, errors.New(msgNoFile)
	}
	return out, nil
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
	w.Write(b)
}

// storedFile returns an upload by its id, for unit ("" for the officer:
// any unit's).
func (s *Server) storedFile(r *http.Request, unitID string) (store.Upload, []byte, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return store.Upload{}, nil, false
	}
	up, data, err := s.store.Upload(id)
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
	fs, err := findingsOf(up)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	b, err := s.engine.Annotate(File{Name: up.Name, Data: data, Modified: up.At}, fs)
	if err != nil {
		s.fail(w, r, http.StatusUnprocessableEntity, msgNoAnnotation)
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
	attach(w, vi.Slug(strings.TrimSuffix(up.Name, ".xlsx"))+".xlsx", data)
}
