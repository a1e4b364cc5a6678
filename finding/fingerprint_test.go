package finding

import "testing"

func TestNormalizeContext(t *testing.T) {
	for in, want := range map[string]string{
		"\treturn  &tls.Config{} ": "return &tls.Config{}",
		"a\t\tb\n":                 "a b",
		"":                         "",
	} {
		if got := NormalizeContext(in); got != want {
			t.Errorf("NormalizeContext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAssignFingerprints(t *testing.T) {
	mk := func(line int, ctx string) Finding {
		return Finding{Tool: "sdl", RuleID: "SDL101", Location: Location{Path: "a.go", StartLine: line}, Context: ctx}
	}
	fs := []Finding{mk(3, "x := 1"), mk(9, "x := 1"), mk(12, "y := 2")}
	AssignFingerprints(fs)
	if fs[0].Fingerprint == fs[1].Fingerprint {
		t.Error("identical lines got the same fingerprint")
	}
	// Moving every finding down keeps the fingerprints.
	moved := []Finding{mk(13, "x := 1"), mk(19, "x := 1"), mk(22, "y := 2")}
	AssignFingerprints(moved)
	for i := range fs {
		if fs[i].Fingerprint != moved[i].Fingerprint {
			t.Errorf("finding %d: fingerprint changed when lines moved", i)
		}
	}
	// Re-indenting keeps them too.
	reindented := []Finding{mk(3, "x := 1"), mk(9, "x := 1"), mk(12, "y := 2")}
	reindented[2].Context = NormalizeContext("\t\ty   :=   2")
	AssignFingerprints(reindented)
	if reindented[2].Fingerprint != fs[2].Fingerprint {
		t.Error("re-indenting changed a fingerprint")
	}
	// A different rule at the same place differs.
	other := []Finding{mk(3, "x := 1")}
	other[0].RuleID = "G402"
	AssignFingerprints(other)
	if other[0].Fingerprint == fs[0].Fingerprint {
		t.Error("two rules share a fingerprint")
	}
}
