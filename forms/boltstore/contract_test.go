package boltstore

import (
	"path/filepath"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/storetest"
)

// TestContract runs the shared forms.Store contract on bbolt.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) forms.Store {
		s, err := Open(filepath.Join(t.TempDir(), "hoso.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { closeAndCheck(t, s) })
		return s
	})
}
