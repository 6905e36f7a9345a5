package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/errlog"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
	"github.com/caongoc/de06/web"
	"github.com/cli/browser"
)

// defaultData is the desk's data folder, in the working directory.
const defaultData = "du-lieu-de06"

// openDesk opens the data folder's database and makes the desk.
func openDesk(dataDir, planPath, baseURL string) (*web.Server, *store.Store, *plan.Plan, error) {
	return openDeskWith(dataDir, planPath, web.Config{BaseURL: baseURL})
}

// openDeskWith is openDesk with the desk's settings; its errors are kept
// in the data folder's log.
func openDeskWith(dataDir, planPath string, cfg web.Config) (*web.Server, *store.Store, *plan.Plan, error) {
	p, err := loadPlan(planPath)
	if err != nil {
		return nil, nil, nil, err
	}
	st, err := store.Open(dataDir)
	if err != nil {
		return nil, nil, nil, writeError(filepath.Join(dataDir, store.FileName), err)
	}
	cfg.Version, cfg.Log = version(), errlog.Open(dataDir)
	srv, err := web.New(st, p, deskEngine{soffice: excel.FindSoffice()}, cfg, now)
	if err != nil {
		return nil, nil, nil, errors.Join(err, st.Close(), cfg.Log.Close())
	}
	return srv, st, p, nil
}

func runServe(e *env, args []string) (err error) {
	fl := newFlags("serve")
	dataDir := fl.String("data", defaultData, "")
	addr := fl.String("addr", "127.0.0.1:8606", "")
	lan := fl.Bool("lan", false, "")
	planPath := fl.String("plan", "", "")
	demo := fl.Bool("demo", false, "")
	open := fl.Bool("open", false, "")
	hosts := fl.StringArray("host", nil, "")
	if err := parseFlags(e, fl, usageServe, args); err != nil {
		return err
	}
	if *lan && *addr == "127.0.0.1:8606" {
		*addr = ":8606"
	}
	if *demo {
		dir, err := os.MkdirTemp("", "de06-demo-")
		if err != nil {
			return writeError(os.TempDir(), err)
		}
		defer os.RemoveAll(dir)
		*dataDir = dir
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usagef(msgListen, *addr)
	}
	// Also when serving never starts; once served, Serve has closed it
	// already, and closing it again only says so.
	defer ln.Close()
	base := "http://" + displayAddr(ln.Addr())
	srv, st, p, err := openDeskWith(*dataDir, *planPath, web.Config{BaseURL: base, Hosts: append(deskHosts(ln.Addr()), *hosts...)})
	if err != nil {
		return err
	}
	defer closeDesk(&err, *dataDir, srv, st)
	if *demo {
		if err := loadDemo(e, srv, st, p); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, msgServing, base, *dataDir)
	if *lan {
		for _, a := range lanAddrs(ln.Addr()) {
			fmt.Fprintf(e.stdout, msgServingLAN, a)
		}
	}
	fmt.Fprint(e.stdout, msgKeepOpen)
	if *open {
		if err := openBrowser(base); err != nil {
			fmt.Fprint(e.stdout, msgBrowserFailed)
		}
	}
	return serve(ln, srv.Handler())
}

// closeDesk closes the desk's log and database, and reports a failure to
// close (the database's last writes) when nothing failed before.
func closeDesk(err *error, dataDir string, srv *web.Server, st *store.Store) {
	var cerr error
	if srv != nil {
		cerr = srv.Close()
	}
	cerr = errors.Join(cerr, st.Close())
	if cerr != nil && *err == nil {
		*err = writeError(filepath.Join(dataDir, store.FileName), cerr)
	}
}

// openBrowser opens the default browser at url (github.com/cli/browser:
// rundll32 on Windows, open on macOS, xdg-open elsewhere); tests replace it.
var openBrowser = func(url string) error {
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return browser.OpenURL(url)
}

// interrupted is done on Ctrl+C (or when the console window closes) and on
// SIGTERM (a service manager stopping the desk: the demo's data goes then
// too); tests replace it.
var interrupted = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// Connections: at most connsPerAddr from one address, so that one
// client's flood of idle or slow connections never shuts out the officer
// and /healthz (a browser opens about six; an office behind one address
// may hold several browsers); at most connsTotal in all, well under the
// descriptors a process has.
const (
	connsPerAddr = 64
	connsTotal   = 1024
)

// serve runs until Ctrl+C, then lets requests under way finish. Its
// timeouts are for a desk on the internet: a request's header must come
// within 10 s and a form within 30 s; an idle connection closes after a
// minute; uploads and downloads get five minutes (web extends them per
// route), which a phone on a weak 3G signal needs for 10 MB.
func serve(ln net.Listener, h http.Handler) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: web.ReadHeaderTimeout, ReadTimeout: web.ReadTimeout,
		WriteTimeout: web.WriteTimeout, IdleTimeout: web.IdleTimeout, MaxHeaderBytes: web.MaxHeaderBytes}
	ln = web.LimitListener(ln, connsPerAddr, connsTotal)
	ctx, stop := interrupted()
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return hs.Shutdown(shut)
	}
}

func displayAddr(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "[::]:") || strings.HasPrefix(s, "0.0.0.0:") {
		return "127.0.0.1:" + s[strings.LastIndex(s, ":")+1:]
	}
	return s
}

// lanAddrs are the addresses other computers reach the desk on.
func lanAddrs(a net.Addr) []string {
	port := a.String()[strings.LastIndex(a.String(), ":")+1:]
	var out []string
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil // none printed; the desk still answers on them
	}
	for _, ad := range addrs {
		if ipn, ok := ad.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLoopback() {
			out = append(out, "http://"+ipn.IP.String()+":"+port)
		}
	}
	return out
}

// deskHosts are the names and addresses the desk answers for besides
// loopback: when it listens beyond this computer, every address of its
// interfaces and the computer's name (as Windows networks and mDNS give
// it).
func deskHosts(a net.Addr) []string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return nil
	}
	var out []string
	if tcp.IP.IsUnspecified() {
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, ad := range addrs {
				if ipn, ok := ad.(*net.IPNet); ok {
					out = append(out, ipn.IP.String())
				}
			}
		}
	} else {
		out = append(out, tcp.IP.String())
	}
	if name, err := os.Hostname(); err == nil && name != "" {
		out = append(out, name, name+".local")
	}
	return out
}

// loadDemo sets a password, files the sample week and prints how to in.
func loadDemo(e *env, srv *web.Server, st *store.Store, p *plan.Plan) error {
	b := make([]byte, 5)
	rand.Read(b) // never fails (crypto/rand)
	pw := strings.ToLower(base32.StdEncoding.EncodeToString(b))
	if err := web.SetPassword(st, pw, now()); err != nil {
		return err
	}
	// The sample week: in the source tree, or beside de06.exe in the
	// release zip.
	dir := filepath.Join("samples", "tuan-48-2026")
	if exe, err := os.Executable(); err == nil {
		if _, err := os.Stat(dir); err != nil {
			dir = filepath.Join(filepath.Dir(exe), dir)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return readError(dir, err)
	}
	week := plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	for _, en := range entries {
		data, err := os.ReadFile(filepath.Join(dir, en.Name()))
		if err != nil {
			return readError(filepath.Join(dir, en.Name()), err)
		}
		if err := srv.File(context.Background(), web.File{Name: en.Name(), Data: data, Modified: now()}, week); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, msgDemo, pw, week)
	links, err := srv.Links(nil)
	if err != nil {
		return err
	}
	for _, l := range links {
		fmt.Fprintf(e.stdout, "  %-22s %s\n", l.Unit.ID, l.URL)
	}
	return nil
}

func runPasswd(e *env, args []string) (err error) {
	fl := newFlags("passwd")
	dataDir := fl.String("data", defaultData, "")
	if err := parseFlags(e, fl, usagePasswd, args); err != nil {
		return err
	}
	fmt.Fprint(e.stderr, msgAskPassword)
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return readError(msgStdin, err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if len([]rune(pw)) < 8 {
		return usagef(msgPasswordShort)
	}
	st, err := store.Open(*dataDir)
	if err != nil {
		return writeError(filepath.Join(*dataDir, store.FileName), err)
	}
	defer closeDesk(&err, *dataDir, nil, st)
	if err := web.SetPassword(st, pw, now()); err != nil {
		return writeError(filepath.Join(*dataDir, store.FileName), err)
	}
	fmt.Fprint(e.stdout, msgPasswordSet)
	return nil
}

func runLinks(e *env, args []string) (err error) {
	fl := newFlags("links")
	dataDir := fl.String("data", defaultData, "")
	units := fl.StringArray("unit", nil, "")
	renew := fl.Bool("renew", false, "")
	base := fl.String("url", "http://127.0.0.1:8606", "")
	planPath := fl.String("plan", "", "")
	slipsPath := fl.String("pdf", "", "")
	force := fl.Bool("force", false, "")
	rotate := fl.Bool("rotate", false, "")
	if err := parseFlags(e, fl, usageLinks, args); err != nil {
		return err
	}
	base0, err := loadPlan(*planPath)
	if err != nil {
		return err
	}
	st, err := store.Open(*dataDir)
	if err != nil {
		return writeError(filepath.Join(*dataDir, store.FileName), err)
	}
	defer closeDesk(&err, *dataDir, nil, st)
	// The newest plan the desk applied names the units.
	_, p, err := web.UnitLinks(st, base0, *base, nil, now())
	if err != nil {
		return err
	}
	ids, err := selectUnits(p, *units)
	if err != nil {
		return err
	}
	var toRenew []string
	if *renew {
		toRenew = ids
	}
	if *rotate {
		// A new secret: every link made from the old one stops working,
		// and every unit gets a new one.
		if err := web.RotateSecret(st); err != nil {
			return writeError(filepath.Join(*dataDir, store.SecretFile), err)
		}
		toRenew = nil
		for _, u := range p.ReportingUnits() {
			toRenew = append(toRenew, u.ID)
		}
		fmt.Fprint(e.stderr, msgRotated)
	}
	links, _, err := web.UnitLinks(st, base0, *base, toRenew, now())
	if err != nil {
		return err
	}
	var slips []pdf.Slip
	for _, l := range links {
		for _, id := range ids {
			if l.Unit.ID == id {
				fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", l.Unit.ID, l.Unit.Name, l.URL)
				slips = append(slips, pdf.Slip{Unit: l.Unit.Name, URL: l.URL})
			}
		}
	}
	if *slipsPath == "" {
		return nil
	}
	return writeSlips(e, *slipsPath, *force, slips, p)
}

// writeSlips writes the printable sheet of link slips, one per unit.
func writeSlips(e *env, path string, force bool, slips []pdf.Slip, p *plan.Plan) error {
	doc, err := pdf.BuildSlips(slips, pdf.SlipsOptions{Issuer: p.Document.Issuer, Agency: p.Document.StandingAgency, Created: now()})
	if err != nil {
		return &usageError{err.Error()}
	}
	if err := refuseExisting(force, msgExists, path); err != nil {
		return err
	}
	if err := writeOutputs([]output{{path, doc.Render}}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, msgSlipsWrote, path, len(slips))
	return nil
}

func runBackup(e *env, args []string) (err error) {
	fl := newFlags("backup")
	dataDir := fl.String("data", defaultData, "")
	withSecret := fl.Bool("with-secret", false, "")
	if err := parseFlags(e, fl, usageBackup, args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return usagef(msgBackupTarget)
	}
	target := fl.Arg(0)
	if err := refuseExisting(false, msgExists, target); err != nil {
		return err
	}
	st, err := store.Open(*dataDir)
	if err != nil {
		return readError(filepath.Join(*dataDir, store.FileName), err)
	}
	defer closeDesk(&err, *dataDir, nil, st)
	if err := st.Backup(target, *withSecret); err != nil {
		return writeError(target, err)
	}
	fmt.Fprintf(e.stdout, msgWrote, target)
	return nil
}
