package main

import (
	"os"
	"syscall"
)

// peakRSS is the process's peak resident set, as /usr/bin/time -v reports
// it (the kernel counts it in KiB).
func peakRSS(st *os.ProcessState) int64 {
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10
	}
	return 0
}
