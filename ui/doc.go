// Package ui is the Fyne desktop interface of Hồ sơ Khuyến công: client library, guided forms, budget, review and printing.
package ui
