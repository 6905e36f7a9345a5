package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/excel"
)

// The province's desk: de06 serve on a province's plan is the same desk
// with its communes as the reporting units. These tests run it on a real
// SQLite file with the real engine and the sample province.

var provincePlan = filepath.Join("..", "..", "samples", "ke-hoach-tinh.json")

func communeSample(name string) string { return filepath.Join("..", "..", "samples", "tinh", name) }

// The communes of the sample province's plan, in its order.
var sampleCommunes = []string{"xa-minh-son", "xa-ngoc-lac", "phuong-hac-thanh", "xa-kien-tho", "xa-thach-lap", "xa-nguyet-an"}

func (d *testDesk) get(c *http.Client, u string) (*http.Response, string) {
	d.t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// sentFile is what the JSON answer to an upload says of the file.
func sentFile(t *testing.T, doc map[string]any) (accepted bool, findings string) {
	t.Helper()
	files, _ := doc["files"].([]any)
	if len(files) != 1 {
		t.Fatalf("answer without its file: %v", doc)
	}
	f := files[0].(map[string]any)
	return f["accepted"] == true, fmt.Sprint(f["findings"])
}

func TestProvinceDesk(t *testing.T) {
	d := newDeskOn(t, provincePlan)
	c := d.officer()
	link := func(id string) string { return d.links[id] }

	// Every commune of the plan has its link; the provincial bodies, which
	// send nothing, have none.
	var ids []string
	for id := range d.links {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	want := slices.Clone(sampleCommunes)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Fatalf("links for %v, want the communes %v", ids, want)
	}

	// A commune's page says what to send: its consolidated workbook, no
	// template, no form; their routes say the same.
	_, page := d.get(http.DefaultClient, link("xa-minh-son"))
	for _, w := range []string{"Xã Minh Sơn", "Gửi bảng tổng hợp", "Xã gửi bảng tổng hợp của kỳ", "bao-cao-de-an-06-&lt;kỳ&gt;.xlsx", "Xã <b>chưa gửi</b> bảng tổng hợp Tuần 48 năm 2026"} {
		if !strings.Contains(page, w) {
			t.Errorf("the commune's page lacks %q", w)
		}
	}
	for _, w := range []string{"/mau?", "/form?", "Tải tệp mẫu", "Điền trực tiếp", "đơn vị"} {
		if strings.Contains(page, w) {
			t.Errorf("the commune's page offers %q", w)
		}
	}
	for _, path := range []string{"/mau?period=2026-W48", "/form?period=2026-W48"} {
		if resp, body := d.get(http.DefaultClient, link("xa-minh-son")+path); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Không cần tệp mẫu") {
			t.Errorf("%s: %d %.200s", path, resp.StatusCode, body)
		}
	}

	// The communes send their consolidated workbooks through their links:
	// each is read by the commune reader, checked as the roll-up checks it,
	// and counts.
	for id, file := range map[string]string{"xa-minh-son": "minh-son-2026-W48.xlsx", "xa-ngoc-lac": "ngoc-lac-2026-W48.xlsx",
		"phuong-hac-thanh": "hac-thanh-2026-W48.xlsx"} {
		_, doc := d.upload(http.DefaultClient, link(id), communeSample(file))
		if ok, fs := sentFile(t, doc); !ok {
			t.Fatalf("%s's workbook refused: %s", id, fs)
		}
		if _, counts := sentUpload(t, doc); !counts {
			t.Errorf("%s's workbook does not count", id)
		}
	}
	// Another commune's workbook through a link is refused, and never filed
	// to the other commune; the commune's own still counts.
	_, doc := d.upload(http.DefaultClient, link("xa-ngoc-lac"), communeSample("minh-son-2026-W48.xlsx"))
	if ok, fs := sentFile(t, doc); ok || !strings.Contains(fs, "là bảng tổng hợp của Xã Minh Sơn, không phải của Xã Ngọc Lặc") {
		t.Errorf("another commune's workbook: accepted %v, %s", ok, fs)
	}
	// A unit's report sent up by mistake is not a consolidated workbook.
	_, doc = d.upload(http.DefaultClient, link("phuong-hac-thanh"), sample("cong-an-2026-W48.xlsx"))
	if ok, fs := sentFile(t, doc); ok || !strings.Contains(fs, "không phải bảng tổng hợp của xã") {
		t.Errorf("a unit's report: accepted %v, %s", ok, fs)
	}
	// A commune that merged twice and sent both: by the one rule, the later
	// send counts, whole; the officer may make the other count.
	_, first := d.upload(http.DefaultClient, link("xa-thach-lap"), communeSample("thach-lap-lan-1.xlsx"))
	firstID, _ := sentUpload(t, first)
	d.clock = d.clock.Add(time.Hour)
	_, second := d.upload(http.DefaultClient, link("xa-thach-lap"), communeSample("thach-lap-2026-W48.xlsx"))
	secondID, counts := sentUpload(t, second)
	if !counts {
		t.Errorf("Thạch Lập's later workbook does not count")
	}
	// Kiên Thọ sends the next morning: late.
	d.clock = time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local)
	d.upload(http.DefaultClient, link("xa-kien-tho"), communeSample("kien-tho-2026-W48.xlsx"))
	c = d.officer() // a new day, a new session

	// The status, the board and the reminder say the same of every commune.
	states, _ := d.status(c, "2026-W48")
	wantStates := map[string]string{"xa-minh-son": "accepted", "xa-ngoc-lac": "accepted", "phuong-hac-thanh": "accepted",
		"xa-kien-tho": "accepted", "xa-thach-lap": "accepted", "xa-nguyet-an": "missing"}
	for id, st := range wantStates {
		if states[id].State != st {
			t.Errorf("%s: state %q, want %q", id, states[id].State, st)
		}
	}
	if n := states["xa-kien-tho"].Late; n != 1 {
		t.Errorf("Kiên Thọ late %d days, want 1", n)
	}
	if cu := states["xa-thach-lap"].CountingUpload; cu == nil || *cu != secondID {
		t.Errorf("Thạch Lập counts %v, want its later send %d", cu, secondID)
	}
	reminder := d.reminder(c, "2026-W48")
	for _, w := range []string{"Kính gửi các xã: đến nay, Công an tỉnh chưa nhận được bảng tổng hợp Tuần 48 năm 2026 của:", "- Xã Nguyệt Ấn",
		"đề nghị các xã gửi ngay"} {
		if !strings.Contains(reminder, w) {
			t.Errorf("the reminder lacks %q:\n%s", w, reminder)
		}
	}
	_, board := d.get(c, d.ts.URL+"/bang?period=2026-W48")
	for _, id := range sampleCommunes {
		name := map[string]string{"xa-minh-son": "Xã Minh Sơn", "xa-ngoc-lac": "Xã Ngọc Lặc", "phuong-hac-thanh": "Phường Hạc Thành",
			"xa-kien-tho": "Xã Kiên Thọ", "xa-thach-lap": "Xã Thạch Lập", "xa-nguyet-an": "Xã Nguyệt Ấn"}[id]
		if owes := strings.Contains(reminder, "- "+name); owes != (states[id].State != "accepted") {
			t.Errorf("%s: reminded %v, state %s", name, owes, states[id].State)
		}
		if !strings.Contains(board, `<tr class="`+states[id].State+`"><td>`+name+`</td>`) {
			t.Errorf("the board does not show %s as %s", name, states[id].State)
		}
	}
	for _, w := range []string{"Đã nhận <b>5/6</b> xã", "<th>Xã</th>", "<th>Báo cáo của xã</th>", "số 05/BC-CAX, ngày 25/11/2026", "Nhắc các xã",
		"Đường dẫn của các xã", "nộp muộn 1 ngày"} {
		if !strings.Contains(board, w) {
			t.Errorf("the board lacks %q", w)
		}
	}
	if strings.Contains(board, "đơn vị") || strings.Contains(board, "Đơn vị") {
		i := strings.Index(strings.ToLower(board), "đơn vị")
		t.Errorf("the province's board says 'đơn vị': …%s…", board[max(0, i-80):min(len(board), i+40)])
	}

	// The officer makes Thạch Lập's first workbook count, then the later.
	for _, id := range []int64{firstID, secondID} {
		resp := d.post(c, fmt.Sprintf("%s/api/choose?period=2026-W48&unit=xa-thach-lap&upload=%d", d.ts.URL, id), "application/x-www-form-urlencoded", nil, true)
		if states, _ := d.status(c, "2026-W48"); resp.StatusCode != 200 || *states["xa-thach-lap"].CountingUpload != id {
			t.Errorf("choosing send %d: %d, counting %d", id, resp.StatusCode, *states["xa-thach-lap"].CountingUpload)
		}
	}

	// The merge is the province's roll-up: its workbook and Decree 30
	// report, stored and downloadable as a commune's merge is.
	resp := d.post(c, d.ts.URL+"/api/merge?period=2026-W48&number=12&date=26/11/2026", "application/x-www-form-urlencoded", nil, true)
	var merged struct{ XLSX, PDF, Summary string }
	json.NewDecoder(resp.Body).Decode(&merged)
	if resp.StatusCode != 200 || merged.Summary != "5/6 xã gửi bảng tổng hợp; 5 xã có mô hình quá hạn (20 lượt mô hình)" {
		t.Fatalf("merge: %d %+v", resp.StatusCode, merged)
	}
	dl := func(path, name string) []byte {
		t.Helper()
		resp, err := c.Get(d.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="`+name+`"`) {
			t.Errorf("%s downloads as %q, want %s", path, cd, name)
		}
		b, _ := io.ReadAll(resp.Body)
		return b
	}
	xlsx := dl(merged.XLSX, "tong-hop-cac-xa-2026-W48.xlsx")
	pdfBytes := dl(merged.PDF, "tong-hop-cac-xa-2026-W48.pdf")

	// It is what de06 rollup makes of the same communes' workbooks (the
	// ones that count), byte for byte.
	in, out := t.TempDir(), t.TempDir()
	for _, f := range []string{"minh-son-2026-W48.xlsx", "ngoc-lac-2026-W48.xlsx", "hac-thanh-2026-W48.xlsx", "kien-tho-2026-W48.xlsx", "thach-lap-2026-W48.xlsx"} {
		b, err := os.ReadFile(communeSample(f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, f), b, 0o644)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"rollup", in, "-o", out, "--plan", provincePlan, "--number", "12", "--date", "26/11/2026"}, &stdout, &stderr); code > 1 {
		t.Fatalf("de06 rollup: %d %s", code, stderr.String())
	}
	for name, got := range map[string][]byte{"tong-hop-cac-xa-2026-W48.xlsx": xlsx, "tong-hop-cac-xa-2026-W48.pdf": pdfBytes} {
		cli, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(cli, got) {
			t.Errorf("the desk's %s differs from de06 rollup's", name)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	var dump strings.Builder
	excel.Dump(&dump, f)
	f.Close()
	for _, w := range []string{"Các xã!", "Các mô hình!", "Xã chưa gửi!", "=Xã Nguyệt Ấn", "=Phường Hạc Thành"} {
		if !strings.Contains(dump.String(), w) {
			t.Errorf("the province workbook lacks %q", w)
		}
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil && !testing.Short() {
		p := filepath.Join(t.TempDir(), "tinh.pdf")
		os.WriteFile(p, pdfBytes, 0o644)
		text, err := exec.Command(pdftotext, "-raw", p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"CÔNG AN TỈNH THANH HÓA", "Số: 12/BC-CAT", "Thanh Hóa, ngày 26 tháng 11 năm 2026", "Có 05/06 xã, phường đã gửi bảng tổng hợp",
			"Xã Nguyệt Ấn", "Xã Minh Sơn", "Xã Ngọc Lặc", "Phường Hạc Thành", "Xã Kiên Thọ", "Xã Thạch Lập"} {
			if !strings.Contains(string(text), w) {
				t.Errorf("the province's PDF lacks %q", w)
			}
		}
	}
	_, board = d.get(c, d.ts.URL+"/bang?period=2026-W48")
	if !strings.Contains(board, "5/6 xã gửi bảng tổng hợp") || !strings.Contains(board, merged.PDF) {
		t.Errorf("the board does not list the roll-up")
	}
	// The trends page draws the province's models from its roll-ups.
	if resp, page := d.get(c, d.ts.URL+"/tien-do"); resp.StatusCode != 200 || !strings.Contains(page, "Mô hình 24") {
		t.Errorf("trends: %d", resp.StatusCode)
	}

	// A commune's plan cannot replace the province's on its desk.
	body, ct := fileBody(t, filepath.Join("..", "..", "assets", "plan-cao-ngoc-39.json"))
	resp = d.post(c, d.ts.URL+"/ke-hoach", ct, body, false)
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "Kế hoạch tải lên là kế hoạch cấp Xã, còn bàn làm việc này là của cấp Tỉnh") {
		t.Errorf("a commune's plan on the province's desk: %.300s", b)
	}
}

// A desk keeps its level: a province's plan is refused on a commune's
// desk, and a data folder whose stored plans are a commune's does not open
// as a province's desk.
func TestProvinceDeskLevelKept(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	body, ct := fileBody(t, provincePlan)
	resp := d.post(c, d.ts.URL+"/ke-hoach", ct, body, false)
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "Kế hoạch tải lên là kế hoạch cấp Tỉnh, còn bàn làm việc này là của cấp Xã") {
		t.Errorf("a province's plan on a commune's desk: %.300s", b)
	}
	// The commune's own plan, applied: a stored version.
	body, ct = fileBody(t, filepath.Join("..", "..", "assets", "plan-cao-ngoc-39.json"))
	d.post(c, d.ts.URL+"/ke-hoach", ct, body, false)
	if resp := d.post(c, d.ts.URL+"/ke-hoach/ap-dung", "application/x-www-form-urlencoded", nil, false); resp.StatusCode != 200 {
		t.Fatalf("apply: %d", resp.StatusCode)
	}
	d.ts.Close()
	d.st.Close()
	_, st, _, err := openDesk(d.dir, provincePlan, "http://127.0.0.1:1")
	if err == nil {
		st.Close()
		t.Fatal("a commune's data folder opened as a province's desk")
	}
	if !strings.Contains(err.Error(), "đã lưu trong dữ liệu của bàn làm việc là kế hoạch cấp Xã, còn bàn làm việc này là của cấp Tỉnh") {
		t.Errorf("error: %v", err)
	}
}

// de06 serve --demo on a province's plan loads the sample province: each
// commune's workbook filed to it, a commune that merged twice counting its
// later workbook, the commune that sent nothing missing.
func TestProvinceDemo(t *testing.T) {
	d := newDeskOn(t, provincePlan)
	pl, err := loadPlan(provincePlan)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join("..", "..")) // where the demo finds samples/tinh
	var out bytes.Buffer
	if err := loadDemo(&env{stdout: &out, stderr: io.Discard}, d.srv, d.st, pl); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"đã nạp bảng tổng hợp mẫu của các xã kỳ 2026-W48. Đường dẫn của các xã:", "xa-nguyet-an"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("the demo says:\n%s", out.String())
		}
	}
	ups, err := d.st.Uploads("2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int64{}
	for _, up := range ups {
		byName[up.Name] = up.ID
	}
	if len(ups) != 6 || byName["xa.txt"] != 0 {
		t.Fatalf("the demo filed %d files: %v", len(ups), byName)
	}
	states, _ := d.status(d.officer(), "2026-W48")
	for _, id := range sampleCommunes {
		if want := map[bool]string{true: "missing", false: "accepted"}[id == "xa-nguyet-an"]; states[id].State != want {
			t.Errorf("%s: %s, want %s", id, states[id].State, want)
		}
	}
	if cu := states["xa-thach-lap"].CountingUpload; cu == nil || *cu != byName["thach-lap-2026-W48.xlsx"] {
		t.Errorf("Thạch Lập counts send %v, want its later workbook %d", cu, byName["thach-lap-2026-W48.xlsx"])
	}
}
