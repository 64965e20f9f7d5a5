package main

import (
	"fmt"
	"io"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/library"
	"khuyencong/forms/pgstore"
)

// openLibrary opens the library named by --db, $HOSO_DB or the default file: a bbolt file (with
// openDB's damage explanations) or a PostgreSQL library.
func openLibrary(cmd, flagValue string, stderr io.Writer) (forms.Store, bool) {
	return openAnyLibrary(cmd, flagValue, stderr, openDB)
}

// openLibraryToRead is openLibrary for a command that only reads: a library file with damaged
// records opens read-only (openDBToRead).
func openLibraryToRead(cmd, flagValue string, stderr io.Writer) (forms.Store, bool) {
	return openAnyLibrary(cmd, flagValue, stderr, openDBToRead)
}

func openAnyLibrary(cmd, flagValue string, stderr io.Writer, openFile func(cmd, flagValue string, stderr io.Writer) (*boltstore.Store, bool)) (forms.Store, bool) {
	loc, err := library.Resolve(flagValue)
	if err != nil {
		fmt.Fprintf(stderr, "hoso db %s: %v\n", cmd, err)
		return nil, false
	}
	if !library.IsServer(loc) {
		s, ok := openFile(cmd, loc, stderr)
		if !ok {
			return nil, false
		}
		s.SetUser(library.DefaultUser())
		return s, true
	}
	s, err := library.Open(loc, library.DefaultUser())
	if err != nil {
		fmt.Fprintf(stderr, "hoso db %s: %v\n", cmd, err)
		return nil, false
	}
	return s, true
}

// refuseServer says that a file-only command does not apply to a server library.
func refuseServer(cmd, flagValue string, stderr io.Writer) bool {
	loc, err := library.Resolve(flagValue)
	if err != nil || !library.IsServer(loc) {
		return false
	}
	fmt.Fprintf(stderr, "hoso db %s: %s là thư viện trên máy chủ PostgreSQL; sao lưu và khôi phục do máy chủ làm (pg_dump, pg_restore), hoặc chép sang tệp bằng \"hoso db copy\"\n", cmd, library.Describe(loc))
	return true
}

// checkServer runs "hoso db check" on a PostgreSQL library; done is false for a file.
func checkServer(flagValue string, asJSON bool, stdout, stderr io.Writer) (code int, done bool) {
	loc, err := library.Resolve(flagValue)
	if err != nil || !library.IsServer(loc) {
		return 0, false
	}
	s, ok := openLibrary("check", loc, stderr)
	if !ok {
		return 1, true
	}
	defer s.Close()
	r, err := s.(*pgstore.Store).Check()
	if err != nil {
		fmt.Fprintln(stderr, "hoso db check:", err)
		return 1, true
	}
	if asJSON {
		if r.Problems == nil {
			r.Problems = []string{}
		}
		printJSON(stdout, r)
	} else {
		fmt.Fprintf(stdout, "Thư viện: %s\n", r.Library)
		fmt.Fprintf(stdout, "Phiên bản cấu trúc: %d\n", r.SchemaVersion)
		fmt.Fprintf(stdout, "Khách hàng: %d, hồ sơ: %d, bản lưu: %d, trong thùng rác: %d, tệp đính kèm: %d\n", r.Clients, r.Applications, r.Revisions, r.InTrash, r.Blobs)
		if r.OK() {
			fmt.Fprintln(stdout, "Kết quả: tốt, không phát hiện vấn đề (mọi bản ghi khớp mã SHA-256).")
		} else {
			fmt.Fprintf(stdout, "Kết quả: phát hiện %d vấn đề:\n", len(r.Problems))
			for _, p := range r.Problems {
				fmt.Fprintf(stdout, "  – %s\n", p)
			}
		}
	}
	if !r.OK() {
		return 1, true
	}
	return 0, true
}
