// Package rollup is the level above the commune: a province (or any body
// over communes) puts together the consolidated workbooks its communes send
// up, as `de06 merge` writes them.
//
// A file goes through three steps, each usable alone (the desk checks one
// upload at a time):
//
//   - Examine reads what a workbook says (Workbook, from the excel adapter)
//     into a Commune: which commune, which period, its models' states,
//     counts and indicators. Nothing here depends on the province's plan.
//   - Check judges communes against the province (its plan and the list of
//     communes it expects) and a period: which commune each file is, whether
//     it is for the period, which file counts when a commune sent two (the
//     rule report.ResolveDuplicates applies to units), and the models the
//     province knows. Each file's result has the shape of a unit's check,
//     report.FileResult, with the commune as its unit.
//   - Roll puts the counting files together: a line per commune (sent or
//     not), a line per model across communes (indicators summed only where
//     they mean the same), the findings, and the data the next level reads.
//
// It imports the standard library, x/text, internal/vi, plan and report:
// no file format.
package rollup
