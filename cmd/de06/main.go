// Command de06 runs a commune's Đề án 06 reporting loop: it writes the units'
// report workbooks (template), checks the filled files (check), and merges
// them into a consolidated workbook and a PDF report ready to sign (merge).
//
// Run "de06 --help" for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
