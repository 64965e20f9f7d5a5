// Command hoso is the headless command line of Hồ sơ Khuyến công, for bulk work and scripts.
//
// It makes samples, checks, budgets, amounts in words, rule packs, renderings and keeps the client
// library. It builds without cgo and without a display.
package main

import (
	"fmt"
	"io"
	"os"
)

type command struct {
	name  string
	brief string
	run   func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"sample", "in ra một hồ sơ mẫu đầy đủ của một chương trình", runSample},
		{"check", "kiểm tra hồ sơ: lỗi, điều kiện hỗ trợ, mức độ hoàn thành", runCheck},
		{"budget", "in bảng dự toán và tổng kinh phí; budget import: nhập lại bảng tính đã sửa", runBudget},
		{"words", "đọc số tiền bằng chữ", runWords},
		{"render", "xuất hồ sơ PDF và bảng dự toán Excel", runRender},
		{"rules", "gói quy định: list, show, export, import", runRules},
		{"plan", "lập biểu tổng hợp kế hoạch khuyến công của tỉnh từ các hồ sơ", runPlan},
		{"db", "thư viện khách hàng: list, import, export, show, delete, trash, check, backup, restore", runDBCommand},
		{"version", "in phiên bản", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

var stdin io.Reader = os.Stdin

func run(args []string, in io.Reader, stdout, stderr io.Writer) int {
	stdin = in
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					return c.run([]string{"-h"}, stdout, stderr)
				}
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "hoso: lệnh %q không tồn tại; xem \"hoso help\"\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "hoso – Hồ sơ Khuyến công, dòng lệnh (Industrial-promotion dossier tool, command line)")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Cách dùng: hoso LỆNH [tùy chọn] [tệp]     (\"-\" là đầu vào chuẩn)")
	fmt.Fprintln(w, "")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.brief)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Ví dụ:")
	fmt.Fprintln(w, "  hoso sample --programme equipment > maymoc.hoso.json")
	fmt.Fprintln(w, "  hoso check maymoc.hoso.json")
	fmt.Fprintln(w, "  hoso budget --json maymoc.hoso.json")
	fmt.Fprintln(w, "  hoso words 1005000")
	fmt.Fprintln(w, "  hoso render maymoc.hoso.json -o ra/")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Xem hướng dẫn từng lệnh: hoso LỆNH -h")
}
