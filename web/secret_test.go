package web

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/caongoc/de06/store"
)

// Rotating the secret revokes every link, and every unit gets a working
// new one; the secret is in its own file, not in the database.
func TestRotateSecret(t *testing.T) {
	d := newTestDesk(t, Config{})
	old := d.links["tram-y-te"]
	if resp, _ := d.get(nil, old); resp.StatusCode != 200 {
		t.Fatalf("link before: %d", resp.StatusCode)
	}
	before, _ := os.ReadFile(filepath.Join(d.dir, store.SecretFile))
	if err := d.srv.RotateSecret(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(filepath.Join(d.dir, store.SecretFile))
	if len(after) != 32 || string(after) == string(before) {
		t.Fatal("the secret file did not change")
	}
	links, err := d.srv.Links(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if resp, _ := d.get(nil, l.URL); resp.StatusCode != 200 {
			t.Errorf("%s's new link: %d", l.Unit.ID, resp.StatusCode)
		}
		if l.URL == d.links[l.Unit.ID] {
			t.Errorf("%s kept its link", l.Unit.ID)
		}
	}
	if resp, _ := d.get(nil, old); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("the old link after rotation: %d", resp.StatusCode)
	}
	if _, ok, _ := d.st.Setting("link_secret"); ok {
		t.Fatal("the secret is in the database")
	}
}
