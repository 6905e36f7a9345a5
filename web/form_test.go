package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The form's POST has a cap of its own: a form of long texts passes what
// caps other forms, a body over maxFormBody is refused in the form's words;
// the clerk's download of a send has a download's time.
func TestFormBodyCap(t *testing.T) {
	d := newTestDesk(t, Config{})
	path := strings.TrimPrefix(d.links["tram-y-te"], d.ts.URL) + "/form?period=2026-W48"
	text := strings.Repeat("Kết quả thực hiện. ", 1500) // 28,500 characters, ~200 KB encoded
	long := url.Values{"action": {"save"}, "result_6": {text}, "difficulty_6": {text}, "proposal_6": {text}}.Encode()
	if len(long) <= formBodyMax || len(long) >= maxFormBody {
		t.Fatalf("the long form is %d bytes", len(long))
	}
	if resp, body := d.postForm(nil, path, long); resp.StatusCode != http.StatusOK {
		t.Errorf("a long form: %d %s", resp.StatusCode, body)
	}
	huge := url.Values{"action": {"save"}, "result_6": {strings.Repeat("x", maxFormBody)}}.Encode()
	if resp, body := d.postForm(nil, path, huge); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "lớn hơn 1 MB") {
		t.Errorf("a form over the cap: %d %s", resp.StatusCode, body)
	}
	// Other forms of the unit keep the small cap.
	withdraw := strings.TrimPrefix(d.links["tram-y-te"], d.ts.URL) + "/withdraw"
	if resp, _ := d.postForm(nil, withdraw, long); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a long withdraw form: %d", resp.StatusCode)
	}
	for _, c := range []struct {
		method, path string
		kind         routeKind
	}{
		{"POST", "/u/abc/form", routeFill},
		{"GET", "/u/abc/form", routeOther},
		{"GET", "/u/abc/tep/12", routeDownload},
		{"POST", "/u/abc", routeUpload},
		{"POST", "/u/abc/withdraw", routeForm},
	} {
		r, _ := http.NewRequest(c.method, "http://127.0.0.1"+c.path, nil)
		if got := kindOf(r); got != c.kind {
			t.Errorf("%s %s is kind %d, want %d", c.method, c.path, got, c.kind)
		}
	}
}
