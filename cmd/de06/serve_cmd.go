package main

import (
	"bufio"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/errlog"
	"github.com/caongoc/de06/internal/vi"
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
	var h hosting
	h.flags(fl)
	if err := parseFlags(e, fl, usageServe, args); err != nil {
		return err
	}
	if err := h.check(); err != nil {
		return err
	}
	if *demo && fl.Changed("data") {
		return usagef(msgDemoData, *dataDir)
	}
	if *demo {
		dir, err := os.MkdirTemp("", "de06-demo-")
		if err != nil {
			return writeError(os.TempDir(), err)
		}
		defer os.RemoveAll(dir)
		*dataDir = dir
	}
	*addr = h.listenAddr(*addr, fl.Changed("addr"), *lan, *dataDir)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usagef(msgListen, *addr)
	}
	// Also when serving never starts; once served, Serve has closed it
	// already, and closing it again only says so.
	defer ln.Close()
	cfg, tc, err := h.config(ln.Addr(), *dataDir)
	if err != nil {
		return err
	}
	stn := newStation(nil, tc, cmp.Or(cfg.PublicURL, cfg.BaseURL), cfg.BehindProxy)
	if h.shareable(ln.Addr()) {
		cfg.Share = shareSwitch(stn, portOf(ln.Addr()))
	}
	cfg.Hosts = append(deskHosts(ln.Addr(), cfg.Share != nil), *hosts...)
	srv, st, p, err := openDeskWith(*dataDir, *planPath, cfg)
	if err != nil {
		return err
	}
	defer closeDesk(&err, *dataDir, srv, st)
	stn.hs.Handler = srv.Handler()
	if *demo {
		if err := loadDemo(e, srv, st, p); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, msgServing, cfg.BaseURL, *dataDir)
	for _, a := range cfg.LAN {
		fmt.Fprintf(e.stdout, msgServingLAN, a)
	}
	fmt.Fprintf(e.stdout, msgLinksBase, desk.WordsOf(p.Level).Units, srv.LinkBase(), srv.Reach().Label())
	fmt.Fprint(e.stdout, msgKeepOpen)
	if *open {
		if err := openBrowser(cfg.BaseURL); err != nil {
			fmt.Fprint(e.stdout, msgBrowserFailed)
		}
	}
	stn.start(ln)
	return stn.run()
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

func displayAddr(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "[::]:") || strings.HasPrefix(s, "0.0.0.0:") {
		return "127.0.0.1:" + s[strings.LastIndex(s, ":")+1:]
	}
	return s
}

// lanAddrs are the addresses other computers reach the desk on, under
// scheme ("http://"): the machine's IPv4 addresses but loopback, private
// ones (the commune's network) first.
func lanAddrs(a net.Addr, scheme string) []string {
	port := portOf(a)
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil // none printed; the desk still answers on them
	}
	var private, other []string
	for _, ad := range addrs {
		ipn, ok := ad.(*net.IPNet)
		if !ok || ipn.IP.To4() == nil || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() {
			continue
		}
		u := scheme + ipn.IP.String() + ":" + port
		if ipn.IP.IsPrivate() {
			private = append(private, u)
		} else {
			other = append(other, u)
		}
	}
	return append(private, other...)
}

// deskHosts are the names and addresses the desk answers for besides
// loopback: when it listens beyond this computer, or may (shareable: the
// officer can turn sharing on), every address of its interfaces and the
// computer's name (as Windows networks and mDNS give it).
func deskHosts(a net.Addr, shareable bool) []string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() && !shareable {
		return nil
	}
	var out []string
	if tcp.IP.IsUnspecified() || shareable {
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

// loadDemo sets a password, files the sample week (a province's plan: the
// communes' workbooks of samples/tinh) and prints how to in.
func loadDemo(e *env, srv *web.Server, st *store.Store, p *plan.Plan) error {
	b := make([]byte, 5)
	rand.Read(b) // never fails (crypto/rand)
	pw := strings.ToLower(base32.StdEncoding.EncodeToString(b))
	if err := web.SetPassword(st, pw, now()); err != nil {
		return err
	}
	// The sample week: in the source tree, or beside de06.exe in the
	// release zip.
	sample, what := "tuan-48-2026", msgDemoWeek
	if p.Level == plan.LevelProvince {
		sample, what = "tinh", msgDemoCommunes
	}
	dir, err := findSamples(filepath.Join("samples", sample))
	if err != nil {
		return err
	}
	files, err := demoFiles(dir, deskEngine{}.Level(p))
	if err != nil {
		return err
	}
	week := plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	for _, f := range files {
		if err := srv.File(context.Background(), f, week); err != nil {
			return err
		}
	}
	w := desk.WordsOf(p.Level)
	fmt.Fprintf(e.stdout, msgDemo, pw, what, week, w.Units)
	links, err := srv.Links(nil)
	if err != nil {
		return err
	}
	for _, l := range links {
		fmt.Fprintf(e.stdout, "  %-22s %s\n", l.Unit.ID, l.URL)
	}
	return nil
}

// demoFiles are the workbooks of a sample folder in the order they were
// written, as their senders would have sent them: by the report date each
// says (a commune that merged twice sent its first merge first), then by
// name.
func demoFiles(dir string, level web.Level) ([]web.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, readError(dir, err)
	}
	type dated struct {
		f   web.File
		day time.Time
	}
	var out []dated
	for _, en := range entries {
		if !strings.EqualFold(filepath.Ext(en.Name()), ".xlsx") {
			continue // the province's list of communes
		}
		data, err := os.ReadFile(filepath.Join(dir, en.Name()))
		if err != nil {
			return nil, readError(filepath.Join(dir, en.Name()), err)
		}
		f := web.File{Name: en.Name(), Data: data, Modified: now()}
		day, _ := vi.ParseDate(level.Read(context.Background(), f).Submission().ReportDate.Text)
		out = append(out, dated{f, day})
	}
	slices.SortStableFunc(out, func(a, b dated) int { return a.day.Compare(b.day) })
	files := make([]web.File, len(out))
	for i, d := range out {
		files[i] = d.f
	}
	return files, nil
}

// findSamples finds the sample folder rel: in the folder de06 runs in
// (the source tree), else beside the executable (the release zip, or a
// binary built into the source tree). Not found, the error says where it
// looked and how to run the demo.
func findSamples(rel string) (string, error) {
	var looked []string
	var places []string
	if wd, err := os.Getwd(); err == nil {
		places = append(places, wd)
	}
	if exe, err := os.Executable(); err == nil {
		places = append(places, filepath.Dir(exe))
		if real, err := filepath.EvalSymlinks(exe); err == nil && filepath.Dir(real) != filepath.Dir(exe) {
			places = append(places, filepath.Dir(real))
		}
	}
	for _, p := range places {
		dir := filepath.Join(p, rel)
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir, nil
		}
		looked = append(looked, dir)
	}
	return "", usagef(msgNoSamples, rel, strings.Join(looked, "; "))
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
	base := fl.String("url", "", "")
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
	recorded := false
	if *base == "" {
		*base, recorded, err = linksBase(st)
		if err != nil {
			return readError(filepath.Join(*dataDir, store.FileName), err)
		}
	}
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
	var chosen []web.UnitLink
	for _, l := range links {
		for _, id := range ids {
			if l.Unit.ID == id {
				fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", l.Unit.ID, l.Unit.Name, l.URL)
				chosen = append(chosen, l)
			}
		}
	}
	// Where the links open, on stderr: stdout stays one link a line.
	reach, err := web.RecordedReach(st, *base)
	if err != nil {
		return readError(filepath.Join(*dataDir, store.FileName), err)
	}
	fmt.Fprintf(e.stderr, msgLinksReach, *base, reach.Label())
	if recorded {
		fmt.Fprint(e.stderr, msgLinksFrom)
	}
	if reach == web.ReachThisPC {
		fmt.Fprint(e.stderr, msgLinksLocal)
	}
	if *slipsPath == "" {
		return nil
	}
	return writeSlips(e, *slipsPath, *force, slipsOf(chosen), p)
}

// linksBase is the base of the links the running (or last-run) desk
// recorded in the data folder, else this computer's default address;
// recorded says which.
func linksBase(st *store.Store) (base string, recorded bool, err error) {
	base, recorded, err = web.RecordedBase(st)
	if err != nil || recorded {
		return base, recorded, err
	}
	return "http://127.0.0.1:8606", false, nil
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
