package forms

import "errors"

// Every message forms writes for a person is written twice, in Vietnamese and in English, at the
// place it is composed (no translation of finished sentences). Errors that reach a Problem carry
// their English text as a twoLangError.

// twoLangError is an error whose Error() is Vietnamese and whose English text travels with it.
type twoLangError struct{ vi, en string }

func (e *twoLangError) Error() string { return e.vi }

// errorEN returns an error saying vi, and en in English (see EnglishOf).
func errorEN(vi, en string) error { return &twoLangError{vi: vi, en: en} }

// EnglishOf is the English text of an error written by forms, or "" when it has none.
func EnglishOf(err error) string {
	var t *twoLangError
	if errors.As(err, &t) {
		return t.en
	}
	var v *ValueError
	if errors.As(err, &v) {
		return v.MsgEN
	}
	return ""
}

// Text is the criterion's label and reason in the interface language: English when en.
func (c CriterionResult) Text(en bool) (label, reason string) {
	if en && c.LabelEN != "" {
		return c.LabelEN, c.ReasonEN
	}
	return c.Label, c.Reason
}

// Text is the note in the interface language: English when en and the note has it.
func (n BudgetNote) Text(en bool) string {
	if en && n.MessageEN != "" {
		return n.MessageEN
	}
	return n.Message
}
