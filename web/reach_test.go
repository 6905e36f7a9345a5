package web

import (
	"strings"
	"testing"
)

// A desk shared on the commune's network says its links open there only,
// whatever range the machine's address is in (a test range, carriers'
// shared space, a public-looking one): the links page, the board, the
// slips and what de06 links reads. Only the desk's public address opens
// anywhere.
func TestReachOfSharing(t *testing.T) {
	const anywhere, lan = "mọi nơi có Internet", "chỉ mở được trong mạng của xã"
	for _, addr := range []string{"http://192.0.2.2:18906", "http://100.64.3.3:8606", "http://203.0.113.5:8606", "http://192.168.1.10:8606"} {
		t.Run(addr, func(t *testing.T) {
			d := newTestDesk(t, Config{Shared: true, LAN: []string{addr}})
			c := d.officer()
			for _, path := range []string{"/chia-se", "/bang"} {
				_, page := d.get(c, d.ts.URL+path)
				if strings.Contains(page, anywhere) || !strings.Contains(page, lan) {
					t.Errorf("%s under %s does not say the commune's network only", path, addr)
				}
			}
			_, slips := d.get(c, d.ts.URL+"/chia-se/phieu.pdf")
			if strings.Contains(slips, anywhere) || !strings.Contains(slips, lan) {
				t.Errorf("slips under %s:\n%.300s", addr, slips)
			}
			if r, err := RecordedReach(d.st, addr); err != nil || r != ReachLAN {
				t.Errorf("de06 links reads %v %v for %s", r, err, addr)
			}
		})
	}
	d := newTestDesk(t, Config{PublicURL: "http://203.0.113.5"})
	_, page := d.get(d.officer(), d.ts.URL+"/chia-se")
	if !strings.Contains(page, anywhere) {
		t.Error("a desk under its public address does not say its links open anywhere")
	}
	if r, err := RecordedReach(d.st, "http://203.0.113.5"); err != nil || r != ReachAnywhere {
		t.Errorf("de06 links reads %v %v for the public address", r, err)
	}
	if r, _ := RecordedReach(d.st, "http://203.0.113.6"); r != ReachLAN {
		t.Errorf("an address given to de06 links that the desk did not record as public: %v", r)
	}
}
