package instance

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestSecondStartHandsItsRequestOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khuyencong.instance")
	got := make(chan Request, 2)
	s, err := Listen(path, func(r Request) { got <- r })
	if err != nil {
		t.Fatal(err)
	}
	if err := Send(path, Request{}, 2*time.Second); err != nil {
		t.Fatalf("show: %v", err)
	}
	if r := <-got; r.File != "" {
		t.Errorf("show came as %+v", r)
	}
	file := `C:\Users\Hà\Tài liệu\Phước Hưng.hoso.json`
	if err := Send(path, Request{File: file}, 2*time.Second); err != nil {
		t.Fatalf("open: %v", err)
	}
	if r := <-got; r.File != file {
		t.Errorf("open came as %+v", r)
	}
	if _, _, pid, err := Owner(path); err != nil || pid != os.Getpid() {
		t.Errorf("owner pid %d, %v", pid, err)
	}
	s.Close()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the file stays after Close: %v", err)
	}
	if err := Send(path, Request{}, time.Second); !errors.Is(err, ErrNoInstance) {
		t.Errorf("after Close: %v", err)
	}
}

// A file left by a crashed app, or one with a wrong token, is not a running app.
func TestStaleOrForeignFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khuyencong.instance")
	if err := os.WriteFile(path, []byte("1 deadbeef 4242\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Send(path, Request{}, time.Second); !errors.Is(err, ErrNoInstance) {
		t.Errorf("stale file: %v", err)
	}
	called := false
	s, err := Listen(filepath.Join(dir, "real"), func(Request) { called = true })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	port, _, _, _ := Owner(filepath.Join(dir, "real"))
	if err := os.WriteFile(path, []byte(fmtLine(port, "wrongtoken", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Send(path, Request{}, time.Second); !errors.Is(err, ErrNoInstance) {
		t.Errorf("wrong token: %v", err)
	}
	if called {
		t.Error("a request with a wrong token was handled")
	}
}

func fmtLine(port int, tok string, pid int) string {
	return strconv.Itoa(port) + " " + tok + " " + strconv.Itoa(pid) + "\n"
}
