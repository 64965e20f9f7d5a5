//go:build windows

package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
)

// parseFlags reads the replayer's flags (the Windows side, run under wine by the Linux side).
func parseFlags() (exe string, nohook bool, only func(variant) bool) {
	flag.StringVar(&exe, "app", "", "HosoKhuyenCong.exe to type into")
	flag.BoolVar(&nohook, "nohook", false, "start the app without its typing hook and run only the variants that need it")
	run := flag.String("run", "", "only the variants whose name matches this regular expression")
	flag.Parse()
	if exe == "" {
		fmt.Fprintln(os.Stderr, "typingcheck: -app is required")
		os.Exit(2)
	}
	re, err := regexp.Compile(*run)
	if err != nil {
		fmt.Fprintln(os.Stderr, "typingcheck: -run:", err)
		os.Exit(2)
	}
	only = func(v variant) bool {
		return re.MatchString(v.name) && (!nohook || v.charBackspace())
	}
	return exe, nohook, only
}
