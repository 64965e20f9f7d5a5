package boltstore

import "khuyencong/forms"

// describeChanges is forms.DescribeChanges (shared with the other stores).
func describeChanges(prev, cur []byte) []string { return forms.DescribeChanges(prev, cur) }
