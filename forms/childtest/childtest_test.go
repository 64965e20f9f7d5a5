package childtest

import (
	"fmt"
	"os"
	"testing"
)

const childEnv = "CHILDTEST_CHILD"

func TestChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("child process of TestStartStreamsTheChildsLines")
	}
	fmt.Println("one")
	fmt.Println(os.Getenv(childEnv))
}

func TestStartStreamsTheChildsLines(t *testing.T) {
	cmd, lines := Start(t, "TestChild", childEnv+"=two")
	var got []string
	for l := range lines {
		got = append(got, l)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 || got[0] != "one" || got[1] != "two" {
		t.Errorf("child's lines: %q", got)
	}
}
