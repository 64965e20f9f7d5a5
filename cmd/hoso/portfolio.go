package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
)

// portfolioFinding is one line of hoso check --portfolio/--db: a problem of one dossier of one client.
type portfolioFinding struct {
	Client  string `json:"client"`
	Dossier string `json:"dossier"` // the file (relative to the folder) or the library id with programme and year
	forms.Problem
}

// runPortfolio checks every dossier of a folder (dir) or of a library (db) and prints one line per
// error or warning, so a consultant sees the risks of the whole portfolio at once. Exit 0 when no
// dossier has an error, 1 when one has, 2 when a dossier or the library cannot be read.
func runPortfolio(dir, db string, asJSON bool, packs []*forms.RulePack, stdout, stderr io.Writer) int {
	type dossier struct {
		name string
		app  *forms.Application
	}
	var all []dossier
	exit := 0
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "hoso check: thư mục %s không tồn tại hoặc không phải thư mục\n", dir)
			return 2
		}
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "hoso check: không đọc được %s: %v\n", path, err)
				exit = 2
				return nil
			}
			if d.IsDir() || !strings.HasSuffix(strings.ToLower(d.Name()), ".hoso.json") {
				return nil
			}
			rel, _ := filepath.Rel(dir, path)
			app, err := readDossier(path)
			if err != nil {
				fmt.Fprintln(stderr, "hoso check:", err)
				exit = 2
				return nil
			}
			all = append(all, dossier{filepath.ToSlash(rel), app})
			return nil
		})
		if err != nil {
			fmt.Fprintln(stderr, "hoso check:", err)
			return 2
		}
	} else {
		path, err := dbPath(db)
		if err != nil {
			fmt.Fprintln(stderr, "hoso check:", err)
			return 2
		}
		if _, err := os.Stat(path); err != nil {
			fmt.Fprintf(stderr, "hoso check: không có thư viện %s: kiểm tra đường dẫn --db\n", path)
			return 2
		}
		s, err := boltstore.Open(path, boltstore.Options{})
		if err != nil {
			fmt.Fprintf(stderr, "hoso check: không mở được thư viện %s: %v\n", path, err)
			return 2
		}
		defer s.Close()
		sums, err := s.Applications(forms.Query{})
		if err != nil {
			fmt.Fprintln(stderr, "hoso check:", err)
			return 2
		}
		for _, sum := range sums {
			app, err := s.Application(sum.ID)
			if err != nil {
				fmt.Fprintf(stderr, "hoso check: hồ sơ %s: %v\n", sum.ID, err)
				exit = 2
				continue
			}
			all = append(all, dossier{fmt.Sprintf("%s (%s %d)", sum.ID, sum.Programme, sum.Year), app})
		}
	}
	findings := []portfolioFinding{}
	nErr, nWarn := 0, 0
	for _, d := range all {
		rep := forms.Check(d.app, packs)
		client := forms.Clean(d.app.Enterprise.Name)
		if client == "" {
			client = "(chưa có tên)"
		}
		for _, p := range rep.Problems {
			switch p.Severity {
			case forms.SeverityError:
				nErr++
			case forms.SeverityWarning:
				nWarn++
			default:
				continue
			}
			findings = append(findings, portfolioFinding{Client: client, Dossier: d.name, Problem: p})
		}
		if rep.Blocking() && exit == 0 {
			exit = 1
		}
	}
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.Client != b.Client {
			return a.Client < b.Client
		}
		return a.Dossier < b.Dossier
	})
	if asJSON {
		if err := printJSON(stdout, findings); err != nil {
			fmt.Fprintln(stderr, "hoso check:", err)
			return 2
		}
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "KHÁCH HÀNG\tHỒ SƠ\tMỨC\tMÃ\tTRƯỜNG\tNỘI DUNG")
		for _, f := range findings {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", f.Client, f.Dossier, severityLabel[f.Severity], f.Code, f.Path, oneLine(f.Message))
		}
		tw.Flush()
	}
	fmt.Fprintf(stderr, "%s hồ sơ; %s lỗi, %s cảnh báo\n", strconv.Itoa(len(all)), strconv.Itoa(nErr), strconv.Itoa(nWarn))
	return exit
}

// oneLine keeps a message on one line of the portfolio table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
