package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"

	"github.com/caongoc/de06/store"
)

// The officer's password is kept as an argon2id hash (RFC 9106's second
// recommended setting, lighter on memory for an office PC).
const (
	argonTime    = 3
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 2
	argonKeyLen  = 32

	settingPassword = "officer_password"
	sessionCookie   = "de06_phien"
	sessionLife     = 12 * time.Hour
)

// HashPassword makes the stored form of a password:
// $argon2id$v=19$m=65536,t=3,p=2$salt$key (base64, no padding).
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b.EncodeToString(salt), b.EncodeToString(key)), nil
}

// checkPassword compares a password with a stored hash in constant time.
func checkPassword(password, stored string) bool {
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b := base64.RawStdEncoding
	salt, err1 := b.DecodeString(parts[4])
	want, err2 := b.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// SetPassword stores the officer's password (de06 passwd, the setup page)
// and ends every session: whoever was logged in with the old one is out.
func SetPassword(st *store.Store, password string, at time.Time) error {
	h, err := HashPassword(password)
	if err != nil {
		return err
	}
	return st.SetCredential(settingPassword, []byte(h), "officer", at)
}

// clientAddr is the request's address without its port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func isLocal(r *http.Request) bool {
	ip := net.ParseIP(clientAddr(r))
	return ip != nil && ip.IsLoopback()
}

func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// sessionCookie is the officer's session cookie: never read by scripts,
// never sent by another site, and over HTTPS never sent in clear.
func (s *Server) sessionCookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: sessionCookie, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: s.https()}
}

// officerSession reports whether the request carries a live session: one
// the store still holds (logging out, a new password or "đăng xuất mọi
// nơi" delete it) and not expired.
func (s *Server) officerSession(r *http.Request) bool {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return false
	}
	ok, err := s.store.SessionValid(tokenHash(c.Value), s.now())
	if err != nil {
		s.log.Error("phiên đăng nhập không kiểm tra được", err, "path", r.URL.Path)
	}
	return err == nil && ok
}

// passwordSet reports whether the officer has a password yet.
func (s *Server) passwordSet() (string, bool) {
	h, ok, err := s.store.Setting(settingPassword)
	if err != nil {
		s.log.Error("mật khẩu không đọc được", err)
	}
	return string(h), ok && err == nil
}

// officer guards the officer's pages and API.
func (s *Server) officer(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.officerSession(r) {
			if wantsJSON(r) {
				s.fail(w, r, http.StatusUnauthorized, msgLoginNeeded)
				return
			}
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		h(w, r)
	}
}

// linkSecret is the secret the units' link tokens are derived from, in its
// own file in the data folder (store.LinkSecret), made on first use.
func linkSecret(st *store.Store, _ time.Time) ([]byte, error) { return st.LinkSecret() }

// RotateSecret replaces the link secret: every link made from the old one
// stops working (de06 links --rotate then gives every unit a new one). A
// desk running in another process keeps the old secret until it restarts.
func RotateSecret(st *store.Store) error {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return st.SetLinkSecret(b)
}

// LinkToken is a unit's link token for a generation: 130 bits derived from
// the desk's secret, so the officer can print the links again, and a new
// generation revokes the old link.
func LinkToken(secret []byte, unitID string, generation int) string {
	m := hmac.New(sha256.New, secret)
	fmt.Fprintf(m, "%s:%d", unitID, generation)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(m.Sum(nil)[:17]))[:26]
}
