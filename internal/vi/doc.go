// Package vi holds what every part of de06 needs to handle Vietnamese
// text: normal form C, folding for comparison, ASCII slugs, line
// splitting, shortening for quotes, numbers with the decimal comma, dd/mm/yyyy
// dates, and the legacy encodings (TCVN3, VNI) of text typed before
// Unicode. It imports only the standard library and x/text, so the domain
// packages may use it.
package vi
