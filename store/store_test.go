package store

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func TestMigrateTwice(t *testing.T) {
	s, dir := open(t)
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	var v int
	s2.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != len(migrations) {
		t.Errorf("user_version %d, want %d", v, len(migrations))
	}
	var fk int
	s2.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	var mode string
	s2.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if fk != 1 || mode != "wal" {
		t.Errorf("foreign_keys %d, journal_mode %s", fk, mode)
	}
}

func TestUploadsAndReports(t *testing.T) {
	s, dir := open(t)
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	data := []byte("PK…workbook")
	id, err := s.AddUpload(Upload{UnitID: "tram-y-te", Period: "2026-W48", Name: "a.xlsx", SHA256: "x", At: at, From: "127.0.0.1", Accepted: true, Warnings: 1, Findings: "{}"}, data)
	if err != nil {
		t.Fatal(err)
	}
	// A name with a quote and SQL in it is only data.
	if _, err := s.AddUpload(Upload{UnitID: "cong-an", Period: "2026-W48", Name: "x'); DROP TABLE uploads;--.xlsx", At: at, Findings: "{}"}, data); err != nil {
		t.Fatal(err)
	}
	us, err := s.Uploads("2026-W48")
	if err != nil || len(us) != 2 || us[0].UnitID != "tram-y-te" || !us[0].Accepted || us[1].Name != "x'); DROP TABLE uploads;--.xlsx" {
		t.Fatalf("uploads %+v, %v", us, err)
	}
	u, got, err := s.Upload(id)
	if err != nil || !bytes.Equal(got, data) || u.Size != len(data) || !u.At.Equal(at) {
		t.Fatalf("upload %+v, %q, %v", u, got, err)
	}
	rid, err := s.AddReport(Report{Period: "2026-W48", Number: 5, Date: "25/11/2026", Summary: "8/9", At: at}, []byte("xlsx"), []byte("%PDF"))
	if err != nil {
		t.Fatal(err)
	}
	if _, b, err := s.ReportFile(rid, true); err != nil || string(b) != "%PDF" {
		t.Fatalf("pdf %q, %v", b, err)
	}
	// A backup is a working database with the same rows.
	bk := filepath.Join(t.TempDir(), "copy")
	os.Mkdir(bk, 0o755)
	if err := s.Backup(filepath.Join(bk, FileName), false); err != nil {
		t.Fatal(err)
	}
	b, err := Open(bk)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if us, _ := b.Uploads("2026-W48"); len(us) != 2 {
		t.Errorf("backup holds %d uploads", len(us))
	}
	_ = dir
}

func TestLinks(t *testing.T) {
	s, _ := open(t)
	at := time.Now()
	s.SetLink(Link{UnitID: "tram-y-te", Generation: 1, TokenHash: []byte("h1")}, "officer", at)
	if id, ok, _ := s.UnitByTokenHash([]byte("h1")); !ok || id != "tram-y-te" {
		t.Fatal("link not found")
	}
	s.SetLink(Link{UnitID: "tram-y-te", Generation: 2, TokenHash: []byte("h2")}, "officer", at)
	if _, ok, _ := s.UnitByTokenHash([]byte("h1")); ok {
		t.Error("renewed link still works")
	}
}

// Concurrent writers are serialised, and every acknowledged write is there.
func TestConcurrentUploads(t *testing.T) {
	s, _ := open(t)
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			if _, err := s.AddUpload(Upload{UnitID: "u", Period: "p", Name: "f", At: time.Now(), Findings: "{}"}, []byte{byte(i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if us, _ := s.Uploads("p"); len(us) != 40 {
		t.Errorf("%d uploads, want 40", len(us))
	}
}

// A database made by the first version is brought up to date, and keeps
// what it held: its uploads say how they came, its reports are there.
func TestMigrateFromFirstVersion(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0], `PRAGMA user_version = 1`,
		`INSERT INTO reports(period, number, date, signer, xlsx, pdf, summary, models, at) VALUES('2026-W48', 1, '', '', x'00', x'00', '', '[]', 1)`,
		`INSERT INTO uploads(unit_id, period, name, sha256, size, data, at, from_addr, by_officer, accepted, errors, warnings, findings)
		 VALUES('tram-y-te', '2026-W48', 'a.xlsx', '', 1, x'00', 1, '', 1, 1, 0, 0, '{}'), ('tram-y-te', '2026-W48', 'b.xlsx', '', 1, x'00', 2, '', 0, 1, 0, 0, '{}')`,
		`INSERT INTO sessions(token_hash, expires) VALUES(x'01', 99999999999)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if reps, _ := s2.Reports(""); len(reps) != 1 || reps[0].Header != "" || reps[0].Draft != "" {
		t.Errorf("reports after migration: %+v", reps)
	}
	// A merge now keeps the header it printed and why it was a draft.
	id, err := s2.AddReport(Report{Period: "2026-W48", Header: `{"Symbol":"BC-CAX"}`, Draft: `["chưa xác nhận"]`, At: time.Unix(4, 0)}, []byte{0}, []byte{0})
	if err != nil {
		t.Fatal(err)
	}
	if reps, _ := s2.Reports("2026-W48"); len(reps) != 2 || reps[0].ID != id || reps[0].Header != `{"Symbol":"BC-CAX"}` || reps[0].Draft != `["chưa xác nhận"]` {
		t.Errorf("a merge's header and draft read back: %+v", reps)
	}
	if r, _, err := s2.ReportFile(id, true); err != nil || r.Draft != `["chưa xác nhận"]` {
		t.Errorf("ReportFile: %+v %v", r, err)
	}
	ups, err := s2.Uploads("2026-W48")
	if err != nil || len(ups) != 2 || ups[0].Via != "officer" || ups[1].Via != "link" || !ups[0].WithdrawnAt.IsZero() {
		t.Errorf("uploads after migration: %+v %v", ups, err)
	}
	if _, err := s2.AddPlan(PlanVersion{From: "2026-11-26", Name: "ke-hoach.xlsx", JSON: []byte("{}"), At: time.Unix(2, 0)}); err != nil {
		t.Errorf("plans after migration: %v", err)
	}
	if err := s2.AddChoice(Choice{UnitID: "tram-y-te", Period: "2026-W48", UploadID: ups[0].ID, At: time.Unix(3, 0)}); err != nil {
		t.Errorf("choices after migration: %v", err)
	}
	if ss, err := s2.Sessions(time.Unix(1, 0)); err != nil || len(ss) != 1 {
		t.Errorf("sessions after migration: %v, %v", ss, err)
	}
}

// A choice must name an upload that exists: the schema says so.
func TestChoiceNeedsUpload(t *testing.T) {
	s, _ := open(t)
	if err := s.AddChoice(Choice{UnitID: "u", Period: "p", UploadID: 99, At: time.Unix(1, 0)}); err == nil {
		t.Error("a choice of no upload was stored")
	}
}

// Withdrawing keeps the upload and its first time; reports remember the
// uploads they used.
func TestWithdrawAndUsed(t *testing.T) {
	s, _ := open(t)
	id, err := s.AddUpload(Upload{UnitID: "u", Period: "p", Name: "f", At: time.UnixMilli(1000), Findings: "{}", Reporter: "Lê Thị Hoa", Phone: "0912"}, []byte{1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Withdraw(id, time.UnixMilli(2000)); err != nil {
		t.Fatal(err)
	}
	if err := s.Withdraw(id, time.UnixMilli(3000)); err != nil {
		t.Fatal(err)
	}
	up, data, err := s.Upload(id)
	if err != nil || len(data) != 1 || up.WithdrawnAt.UnixMilli() != 2000 || up.Reporter != "Lê Thị Hoa" || up.Phone != "0912" {
		t.Errorf("Upload = %+v %v %v", up, data, err)
	}
	if _, err := s.AddReport(Report{Period: "p", At: time.Unix(5, 0), Used: []int64{id}}, []byte("x"), []byte("p")); err != nil {
		t.Fatal(err)
	}
	reps, err := s.Reports("p")
	if err != nil || len(reps) != 1 || len(reps[0].Used) != 1 || reps[0].Used[0] != id {
		t.Errorf("Reports = %+v %v", reps, err)
	}
}

func TestPlans(t *testing.T) {
	s, _ := open(t)
	for i, from := range []string{"2026-11-26", "2026-12-03"} {
		if _, err := s.AddPlan(PlanVersion{From: from, Name: "v" + from, JSON: []byte(`{"v":` + string(rune('1'+i)) + `}`), At: time.Unix(int64(i), 0)}); err != nil {
			t.Fatal(err)
		}
	}
	vs, err := s.Plans()
	if err != nil || len(vs) != 2 || vs[0].From != "2026-12-03" || string(vs[1].JSON) != `{"v":1}` {
		t.Fatalf("Plans = %+v, %v", vs, err)
	}
}

// A draft survives closing the store, and a later save replaces it; each
// unit and period has its own.
func TestDrafts(t *testing.T) {
	s, dir := open(t)
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	if _, ok, err := s.Draft("tram-y-te", "2026-W48"); ok || err != nil {
		t.Fatalf("a draft before any save: %v %v", ok, err)
	}
	for i, f := range []string{`{"result_6":"một"}`, `{"result_6":"hai"}`} {
		if err := s.SaveDraft(Draft{UnitID: "tram-y-te", Period: "2026-W48", Fields: f, At: at.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveDraft(Draft{UnitID: "cong-an", Period: "2026-W48", Fields: `{}`, At: at}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	d, ok, err := s2.Draft("tram-y-te", "2026-W48")
	if !ok || err != nil || d.Fields != `{"result_6":"hai"}` || !d.At.Equal(at.Add(time.Minute)) {
		t.Errorf("after reopening: %+v %v %v", d, ok, err)
	}
	if _, ok, _ := s2.Draft("tram-y-te", "2026-W49"); ok {
		t.Error("a draft of another period")
	}
}
