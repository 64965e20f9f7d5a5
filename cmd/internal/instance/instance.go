// Package instance keeps one running window per library.
//
// The first start listens on a loopback port named in a small file next to the data file; a
// second start hands its request (show the window, or open a file) to it there and exits.
package instance

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"khuyencong/forms/atomicfile"
)

// Request is what a second start asks of the running app: to come to the front, and to open
// File when it is not empty (a .hoso.json or a hand-off package opened from the file manager).
type Request struct {
	File string
}

// Server is the running app's end.
type Server struct {
	ln   net.Listener
	path string
	tok  string
}

// ErrNoInstance means no running app answered.
var ErrNoInstance = errors.New("không có cửa sổ nào đang chạy")

// Listen starts answering requests at the file path; handle runs on a goroutine of its own for
// each request.
func Listen(path string, handle func(Request)) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{ln: ln, path: path, tok: hex.EncodeToString(b)}
	port := ln.Addr().(*net.TCPAddr).Port
	content := fmt.Sprintf("%d %s %d\n", port, s.tok, os.Getpid())
	if err := atomicfile.WriteBytes(path, 0o600, []byte(content)); err != nil {
		ln.Close()
		return nil, err
	}
	go s.serve(handle)
	return s, nil
}

func (s *Server) serve(handle func(Request)) {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(5 * time.Second))
			r := bufio.NewReader(c)
			tok, _ := r.ReadString('\n')
			if strings.TrimSpace(tok) != s.tok {
				return
			}
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			cmd, arg, _ := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
			switch cmd {
			case "show":
				handle(Request{})
			case "open":
				handle(Request{File: arg})
			default:
				return
			}
			fmt.Fprint(c, "ok\n")
		}()
	}
}

// Close stops answering and removes the file (if it is still this server's).
func (s *Server) Close() error {
	err := s.ln.Close()
	if data, rerr := os.ReadFile(s.path); rerr == nil && strings.Contains(string(data), " "+s.tok+" ") {
		os.Remove(s.path)
	}
	return err
}

// Owner reads the file at path: the running app's port, token and process id.
func Owner(path string) (port int, token string, pid int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, "", 0, ErrNoInstance
	}
	f := strings.Fields(string(data))
	if len(f) != 3 {
		return 0, "", 0, ErrNoInstance
	}
	port, err1 := strconv.Atoi(f[0])
	pid, err2 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil {
		return 0, "", 0, ErrNoInstance
	}
	return port, f[1], pid, nil
}

// Send hands the request to the app running at path; ErrNoInstance when none answers (no file,
// a file left by a crash, or an app that does not answer within the timeout).
func Send(path string, req Request, timeout time.Duration) error {
	port, tok, _, err := Owner(path)
	if err != nil {
		return err
	}
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), timeout)
	if err != nil {
		return ErrNoInstance
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(timeout))
	line := "show\n"
	if req.File != "" {
		line = "open\t" + req.File + "\n"
	}
	if _, err := fmt.Fprintf(c, "%s\n%s", tok, line); err != nil {
		return ErrNoInstance
	}
	answer, _ := bufio.NewReader(c).ReadString('\n')
	if answer != "ok\n" {
		return ErrNoInstance
	}
	return nil
}
