// Package forms is the domain of khuyến công dossiers: enterprises, applications, money, rules and checks.
//
// It imports only the standard library and golang.org/x/text, so that the desktop app, the
// command line and the document renderers share one model and one budget computation.
package forms
