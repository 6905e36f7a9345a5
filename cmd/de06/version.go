package main

import (
	"runtime/debug"
	"strings"
	"time"
)

// Set by the release build: -ldflags "-X main.buildVersion=v1.2.0
// -X main.buildCommit=abc1234 -X main.buildDate=2026-11-27".
var buildVersion, buildCommit, buildDate string

// version says which de06 this is: "v1.2.0 (abc1234, 27/11/2026)". Without
// release flags it comes from the module and VCS information Go records.
func version() string {
	v, commit, date := buildVersion, buildCommit, buildDate
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && commit == "":
				commit = s.Value[:min(7, len(s.Value))]
			case s.Key == "vcs.time" && date == "":
				date = s.Value
			case s.Key == "vcs.modified" && s.Value == "true" && commit != "":
				commit += "+"
			}
		}
	}
	if v == "" {
		v = msgDevBuild
	}
	var extra []string
	if commit != "" {
		extra = append(extra, commit)
	}
	if date != "" {
		if t, err := time.Parse(time.RFC3339, date); err == nil {
			date = t.Format("02/01/2006")
		} else if t, err := time.Parse(time.DateOnly, date); err == nil {
			date = t.Format("02/01/2006")
		}
		extra = append(extra, date)
	}
	if len(extra) > 0 {
		v += " (" + strings.Join(extra, ", ") + ")"
	}
	return v
}
