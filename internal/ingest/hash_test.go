package ingest

import "testing"

func TestHash(t *testing.T) {
	if Hash("Dam  leak\nfloods") != Hash("dam leak floods") {
		t.Error("white space and case should not change the hash")
	}
	if Hash("dam leak floods") == Hash("dam leak flooded") {
		t.Error("different texts share a hash")
	}
}
