// Package pgtest starts a throwaway PostgreSQL cluster for tests.
//
// initdb in a temporary folder, a Unix socket, a free port, stopped at the end; never a system
// cluster.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"khuyencong/forms/peertest"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a running throwaway cluster.
type Server struct {
	dir, sock string
	port      int
	bin       string
	asUser    string // the cluster's owner when the tests run as root
	stopped   bool
}

var (
	once    sync.Once
	shared  *Server
	failure error
	dbSeq   atomic.Int64
)

// Main runs the package's tests and stops the shared cluster (if one was started) at the end:
// call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Stop()
	}
	os.Exit(code)
}

// DB returns the connection string of a new, empty database on the test binary's shared
// cluster (started on first use). Without PostgreSQL the test is skipped, or fails under CI=true.
func DB(t testing.TB) string {
	t.Helper()
	once.Do(func() { shared, failure = Start() })
	if failure != nil {
		peertest.Missing(t, fmt.Sprintf("PostgreSQL is needed (CI=true): %v; install the Debian package postgresql (make test does)", failure),
			fmt.Sprintf("no PostgreSQL: %v", failure))
	}
	name := fmt.Sprintf("hoso_%d_%d", os.Getpid(), dbSeq.Add(1))
	if err := shared.CreateDB(name); err != nil {
		t.Fatal(err)
	}
	return shared.ConnString(name)
}

// Bin finds PostgreSQL's server programs (Debian keeps them in /usr/lib/postgresql/N/bin).
func Bin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Strings(dirs)
	if len(dirs) == 0 {
		return "", errors.New("initdb not found (Debian: apt-get install postgresql)")
	}
	return filepath.Dir(dirs[len(dirs)-1]), nil
}

// Start makes and starts a cluster in a new temporary folder.
func Start() (*Server, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hoso-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, sock: filepath.Join(dir, "sock"), bin: bin}
	if err := os.Mkdir(s.sock, 0o700); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 { // initdb refuses root: the cluster belongs to the postgres user
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root and no postgres user: %v", err)
		}
		s.asUser = u.Username
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, p := range []string{dir, s.sock} {
			if err := os.Chown(p, uid, gid); err != nil {
				os.RemoveAll(dir)
				return nil, err
			}
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	for attempt := 0; ; attempt++ {
		s.port, err = freePort()
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		opts := fmt.Sprintf("-k %s -p %d -c listen_addresses='' -c max_connections=200 -c shared_buffers=32MB", s.sock, s.port)
		out, err := s.run("pg_ctl", "-D", data, "-w", "-t", "60", "-l", filepath.Join(dir, "log"), "-o", opts, "start")
		if err == nil {
			s.watchdog()
			return s, nil
		}
		if attempt == 2 {
			log, _ := os.ReadFile(filepath.Join(dir, "log"))
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
		}
	}
}

// run runs a PostgreSQL program, as the cluster's owner when we are root.
func (s *Server) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(s.bin, prog)
	var cmd *exec.Cmd
	if s.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", s.asUser, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = s.dir
	return cmd.CombinedOutput()
}

// freePort asks the kernel for a free TCP port number (the socket file's name uses it).
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// ConnString is the URL of a database of the cluster.
func (s *Server) ConnString(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", db, s.sock, s.port)
}

// CreateDB creates an empty database.
func (s *Server) CreateDB(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.ConnString("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	return err
}

// watchdog starts a small shell that stops the cluster and removes its folder if this process dies
// without calling Stop (killed by a timeout or by hand).
func (s *Server) watchdog() {
	stop := fmt.Sprintf("%s -D %s -m immediate -w stop", filepath.Join(s.bin, "pg_ctl"), filepath.Join(s.dir, "data"))
	if s.asUser != "" {
		stop = "runuser -u " + s.asUser + " -- " + stop
	}
	script := fmt.Sprintf("while kill -0 %d 2>/dev/null; do sleep 2; done; [ -d %s/data ] && { %s; rm -rf %s; }; true",
		os.Getpid(), s.dir, stop, s.dir)
	cmd := exec.Command("sh", "-c", script)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}

// Stop stops the cluster and removes its folder.
func (s *Server) Stop() {
	if s.stopped {
		return
	}
	s.stopped = true
	if out, err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop"); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: pg_ctl stop: %v\n%s\n", err, strings.TrimSpace(string(out)))
	}
	os.RemoveAll(s.dir)
}
