// Package web is the desk: a local web application where units upload
// their reports through their own links and see the findings at once, and
// the officer sees who has sent, reminds the rest, merges and keeps every
// period's history. Pages are server-rendered Vietnamese (html/template,
// embedded); the engine that reads, checks and merges workbooks is handed
// in by the command (package web imports neither excel nor pdf), and the
// data lives in package store.
package web

import (
	"context"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/errlog"
	"github.com/caongoc/de06/internal/slots"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// Engine reads and writes workbooks and documents; cmd/de06 provides it
// through the excel and pdf adapters. Every method works on what users
// sent or the desk holds for them, and stops when ctx ends (the budget
// over, or the client gone): the desk calls each within its slot pool
// (budgeted).
type Engine interface {
	// Level is how the desk reads, checks and merges what the reporting
	// units of plan pl's level send (a commune's units, a province's
	// communes).
	Level(pl *plan.Plan) Level
	// Template writes a unit's report template for a period, pre-filled
	// with prev's values when prev is not nil.
	Template(ctx context.Context, pl *plan.Plan, unitID string, p plan.Period, prev *report.Previous) ([]byte, error)
	// Filled writes a form filled in the browser as the workbook its
	// template becomes with the same typed in.
	Filled(ctx context.Context, pl *plan.Plan, f *report.Filled) ([]byte, error)
	// ReadPlan reads an edited plan: a workbook from de06 plan --export,
	// or JSON.
	ReadPlan(ctx context.Context, f File) (*plan.Plan, error)
	// PlanWorkbook writes a plan as the workbook ReadPlan reads back.
	PlanWorkbook(ctx context.Context, pl *plan.Plan) ([]byte, error)
	// Slips writes the printable slips of the units' links, each saying
	// where its link opens (ReachOf).
	Slips(ctx context.Context, pl *plan.Plan, links []UnitLink) ([]byte, error)
	// Annotate writes a copy of a file with its findings marked.
	Annotate(ctx context.Context, f File, findings []report.Finding) ([]byte, error)
}

// File is a workbook as received.
type File struct {
	Name     string
	Data     []byte
	Modified time.Time
}

// Config is how the desk runs.
type Config struct {
	// BaseURL is this computer's own address of the desk,
	// "http://127.0.0.1:8606": the links' base while the desk is neither
	// shared nor hosted.
	BaseURL string
	// PublicURL is the base of every link of a hosted desk (--public-url,
	// --domain); the officer cannot change it on the desk.
	PublicURL string
	// Shared says the desk listens beyond this computer; LAN are then the
	// addresses other computers reach it on ("http://192.168.1.10:8606").
	Shared bool
	LAN    []string
	// Share turns sharing on the commune's network on or off: the command
	// moves the listener (same port, same limits) and returns the LAN
	// addresses. Nil when the desk cannot switch (hosted, or started on a
	// given address).
	Share func(on bool) (lan []string, err error)
	// BehindProxy says a reverse proxy on this computer forwards every
	// request: the client's address is the last one of X-Forwarded-For.
	// Never set otherwise (the header is the client's to write).
	BehindProxy  bool
	MaxUpload    int64         // bytes; a larger upload is refused
	CheckTimeout time.Duration // a check taking longer is refused
	MaxChecks    int           // checks, merges, templates, copies running at once
	Version      string        // shown at the foot of every page
	// Hosts are the names and addresses the desk answers for besides
	// loopback and BaseURL's host (its LAN addresses, the computer's
	// name, a public host): a request for any other is refused (DNS
	// rebinding).
	Hosts []string
	// WorkTimeout bounds a merge, the board's table, a template, an
	// annotated copy, a plan read or written.
	WorkTimeout time.Duration
	// MaxHashes is how many passwords are hashed at once (argon2id takes
	// 64 MiB each).
	MaxHashes int
	// UnitQuota is what one unit may store for one period,
	// UnitTotalQuota for all periods, PeriodQuota what all units may
	// store for one period, DeskQuota what the whole desk keeps: files and
	// drafts, in bytes (web/quota.go).
	UnitQuota, UnitTotalQuota, PeriodQuota, DeskQuota int64
	// Log keeps the errors (nil: kept nowhere).
	Log *errlog.Log
}

// Server is the desk.
type Server struct {
	store     *store.Store
	plans     desk.Plans // the plan the desk started with and the versions applied since (plansMu)
	plansMu   sync.RWMutex
	engine    Engine
	level     Level // the plans' level's, chosen once: a desk never changes level (desk.SameLevel)
	cfg       Config
	now       func() time.Time
	pages     *template.Template
	work      *slots.Pool  // reading, merging, writing: user content
	hashing   *slots.Pool  // argon2id
	ownHash   *slots.Pool  // argon2id for this computer's browser (limits.go)
	receiving *slots.Pool  // upload bodies being read
	uploads   uploadCounts // uploads being received, by link and address
	inflight  inflight     // requests being answered, by client (inflight.go)
	downloads sendCounts   // downloads being sent (downloads.go)
	logins    *limiter
	secret    []byte // derives the units' link tokens
	log       *errlog.Log
	mu        sync.Mutex
	reach     reachState // where the links open
}

//go:embed templates/*.html templates/*.css templates/*.js templates/favicon.ico
var assetsFS embed.FS

// New makes a desk over st for plan pl.
func New(st *store.Store, pl *plan.Plan, engine Engine, cfg Config, now func() time.Time) (*Server, error) {
	if cfg.MaxUpload == 0 {
		cfg.MaxUpload = 10 << 20
	}
	if cfg.CheckTimeout == 0 {
		cfg.CheckTimeout = 20 * time.Second
	}
	if cfg.MaxChecks == 0 {
		cfg.MaxChecks = 2
	}
	if cfg.WorkTimeout == 0 {
		cfg.WorkTimeout = time.Minute
	}
	if cfg.MaxHashes == 0 {
		cfg.MaxHashes = 1
	}
	if cfg.UnitQuota == 0 {
		cfg.UnitQuota = 40 << 20
	}
	if cfg.PeriodQuota == 0 {
		cfg.PeriodQuota = 400 << 20
	}
	if cfg.UnitTotalQuota == 0 {
		cfg.UnitTotalQuota = 200 << 20
	}
	if cfg.DeskQuota == 0 {
		cfg.DeskQuota = 10 << 30
	}
	if cfg.Log == nil {
		cfg.Log = errlog.Discard()
	}
	pages, err := template.New("").Funcs(funcs).ParseFS(assetsFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{store: st, cfg: cfg, now: now, pages: pages, logins: newLimiter(), log: cfg.Log,
		work:      slots.New(cfg.MaxChecks, 32),
		hashing:   slots.New(cfg.MaxHashes, 16),
		ownHash:   slots.New(1, 4),
		receiving: slots.New(8, 64),
		reach:     reachState{shared: cfg.Shared, lan: cfg.LAN}}
	s.engine = budgeted{Engine: engine, s: s}
	if s.secret, err = st.LinkSecret(); err != nil {
		return nil, err
	}
	if s.plans, err = LoadPlans(st, pl); err != nil {
		return nil, err
	}
	for _, v := range s.plans.Versions {
		if err := desk.SameLevel(pl, v.Plan); err != nil {
			return nil, fmt.Errorf(msgStoredLevel, v.ID, err)
		}
	}
	s.level = budgetedLevel{Level: engine.Level(pl), s: s}
	// Every reporting unit has its link from the start, so that showing
	// the links never writes.
	if _, err := s.Links(nil); err != nil {
		return nil, err
	}
	// de06 links reads where the running (or last-run) desk's links open.
	if err := s.recordBase(); err != nil {
		return nil, err
	}
	return s, nil
}

// route is one of the desk's routes: an http.ServeMux pattern, who may
// use it, and what answers it.
type route struct {
	pattern string
	access  access
	handler http.HandlerFunc
}

// access is who a route answers: anyone, the officer with a live session
// (Server.officer), or a unit through its current link (Server.unit).
type access int

const (
	accessPublic access = iota
	accessOfficer
	accessUnit
)

// routes are every route the desk answers (the web tests have a case for
// each): the officer's behind a session, a unit's behind its link.
func (s *Server) routes() []route {
	return []route{
		{"GET /healthz", accessPublic, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }},
		{"GET /style.css", accessPublic, static("style.css", "text/css; charset=utf-8")},
		{"GET /chon-tep.js", accessPublic, static("chon-tep.js", "text/javascript; charset=utf-8")},
		{"GET /bieu-mau.js", accessPublic, static("bieu-mau.js", "text/javascript; charset=utf-8")},
		{"GET /favicon.ico", accessPublic, static("favicon.ico", "image/x-icon")},
		{"GET /{$}", accessPublic, s.home},
		{"POST /setup", accessPublic, s.setup},
		{"POST /login", accessPublic, s.login},
		{"POST /logout", accessPublic, s.logout},

		{"GET /bang", accessOfficer, s.board},
		{"GET /bang/don-vi", accessOfficer, s.unitSends},
		{"POST /bang/chon", accessOfficer, s.chooseForm},
		{"POST /nop", accessOfficer, s.spooled(s.drop)},
		{"POST /tong-hop", accessOfficer, s.mergeForm},
		{"GET /tep/{id}", accessOfficer, s.download},
		{"GET /tep/{id}/danh-dau", accessOfficer, s.annotated},
		{"GET /bao-cao/{id}/{kind}", accessOfficer, s.reportFile},
		{"GET /tien-do", accessOfficer, s.trends},
		{"GET /ke-hoach", accessOfficer, s.planPage},
		{"POST /ke-hoach", accessOfficer, s.spooled(s.planUpload)},
		{"GET /ke-hoach/tai", accessOfficer, s.planDownload},
		{"POST /ke-hoach/ap-dung", accessOfficer, s.planApply},
		{"GET /van-ban", accessOfficer, s.headerPage},
		{"POST /van-ban", accessOfficer, s.headerSave},
		{"GET /cai-dat", accessOfficer, s.settingsPage},
		{"POST /cai-dat/dang-xuat", accessOfficer, s.endAllSessions},
		{"POST /cai-dat/mat-khau", accessOfficer, s.changePassword},
		{"GET /chia-se", accessOfficer, s.sharePage},
		{"POST /chia-se", accessOfficer, s.shareSet},
		{"POST /chia-se/dia-chi", accessOfficer, s.shareAddress},
		{"GET /chia-se/phieu.pdf", accessOfficer, s.slips},
		{"POST /chia-se/cap-lai", accessOfficer, s.renewLink},
		{"GET /api/status", accessOfficer, s.apiStatus},
		{"POST /api/merge", accessOfficer, s.apiMerge},
		{"POST /api/choose", accessOfficer, s.apiChoose},

		{"GET /u/{token}", accessUnit, s.unitPage},
		{"POST /u/{token}", accessUnit, s.spooled(s.unitUpload)},
		{"GET /u/{token}/withdraw", accessUnit, s.withdrawConfirm},
		{"POST /u/{token}/withdraw", accessUnit, s.unitWithdraw},
		{"GET /u/{token}/mau", accessUnit, s.fills(s.unitTemplate)},
		{"GET /u/{token}/tep/{id}/danh-dau", accessUnit, s.unitAnnotated},
		{"GET /u/{token}/tep/{id}", accessUnit, s.unitDownload},
		{"GET /u/{token}/form", accessUnit, s.fills(s.formGet)},
		{"POST /u/{token}/form", accessUnit, s.fills(s.formPost)},
	}
}

// Handler is the desk's HTTP handler: every state-changing request must
// come from the desk's own pages (http.CrossOriginProtection).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		h := rt.handler
		switch rt.access {
		case accessOfficer:
			h = s.officer(h)
		case accessUnit:
			h = s.unit(h)
		}
		mux.HandleFunc(rt.pattern, h)
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, msgCrossOrigin)
	}))
	return s.forwarded(s.held(s.recovered(s.hostCheck(s.securityHeaders(s.limitBodies(s.downloadSlots(cop.Handler(s.ownErrors(mux)))))))))
}

// ownErrors answers what mux itself would refuse, an address it has no
// page for (404) or a method a page does not take (405, with Allow), in
// the desk's words on its own page.
func (s *Server) ownErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		var c muxAnswer
		h.ServeHTTP(&c, r)
		if allow := c.Header().Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		if c.code == http.StatusMethodNotAllowed {
			s.answerTitled(w, r, http.StatusMethodNotAllowed, msgMethodTitle, msgMethodNotAllowed)
			return
		}
		s.answerTitled(w, r, http.StatusNotFound, msgNotFoundTitle, msgNotFound)
	})
}

// muxAnswer keeps the status and headers of mux's own refusal, and drops
// its English body.
type muxAnswer struct {
	h    http.Header
	code int
}

func (a *muxAnswer) Header() http.Header {
	if a.h == nil {
		a.h = http.Header{}
	}
	return a.h
}
func (a *muxAnswer) WriteHeader(code int)        { a.code = code }
func (a *muxAnswer) Write(b []byte) (int, error) { return len(b), nil }

func (s *Server) securityHeaders(h http.Handler) http.Handler {
	https := s.https()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if https {
			// Browsers that once reached the desk over HTTPS never try
			// plain HTTP again (a year; renewed on every answer).
			w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "no-referrer") // unit links are secrets
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")
		h.ServeHTTP(w, r)
	})
}

// static serves one embedded asset.
func static(name, contentType string) http.HandlerFunc {
	b, err := assetsFS.ReadFile("templates/" + name)
	if err != nil {
		panic(err) // embedded at build time: a missing asset is a build mistake
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(b) // a client gone mid-answer is no error of the desk's
	}
}
