package ui

import "khuyencong/forms"

// Interface strings are written in Vietnamese in the code and looked up here for English.
// A test checks that every string passed to tr has an English entry.

// Languages of the interface.
const (
	langVI = "vi"
	langEN = "en"
)

// lang is the language of the interface; it is set from the preferences when the app starts.
var lang = langVI

// tr returns the interface string in the current language.
func tr(vi string) string {
	if lang == langEN {
		if en, ok := english[vi]; ok {
			return en
		}
	}
	return vi
}

// inLang is en when the interface is English and en is given, else vi: for texts that come with
// their translation (rule data, priorities, plan groups).
func inLang(vi, en string) string {
	if lang == langEN && en != "" {
		return en
	}
	return vi
}

func fieldLabel(f forms.Field) string {
	if lang == langEN && f.LabelEN != "" {
		return f.LabelEN
	}
	return f.Label
}

func fieldHelp(f forms.Field) string {
	if lang == langEN {
		return f.HelpEN
	}
	return f.Help
}

func stepTitle(s forms.Step) string {
	if lang == langEN && s.TitleEN != "" {
		return s.TitleEN
	}
	return s.Title
}

func stepHelp(s forms.Step) string {
	if lang == langEN {
		return s.HelpEN
	}
	return s.Help
}

func choiceLabel(c forms.Choice) string {
	if lang == langEN && c.LabelEN != "" {
		return c.LabelEN
	}
	return c.Label
}

func costTypeLabel(c forms.CostType) string {
	if lang == langEN && c.LabelEN != "" {
		return c.LabelEN
	}
	return c.Label
}

func programmeLabel(p forms.Programme) string {
	if lang == langEN {
		return p.LabelEN()
	}
	return p.ShortLabel()
}

func attachmentTitle(d forms.AttachmentDef) string {
	if lang == langEN && d.TitleEN != "" {
		return d.TitleEN
	}
	return d.Title
}

func statusLabel(s forms.Status) string {
	if lang == langEN {
		switch s {
		case forms.StatusDraft, "":
			return "Draft"
		case forms.StatusReady:
			return "Ready to submit"
		case forms.StatusSubmitted:
			return "Submitted"
		case forms.StatusApproved:
			return "Approved"
		case forms.StatusRejected:
			return "Rejected"
		}
	}
	return s.Label()
}
