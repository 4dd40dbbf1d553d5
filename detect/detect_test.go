package detect

import "testing"

func TestDefaultGivesFreshDetectors(t *testing.T) {
	a, b := Default(), Default()
	if len(a) == 0 {
		t.Fatal("no detectors")
	}
	names := map[string]bool{}
	for i := range a {
		if a[i] == b[i] {
			t.Errorf("detector %s shared between engines", a[i].Name())
		}
		if names[a[i].Name()] {
			t.Errorf("detector name %s used twice", a[i].Name())
		}
		names[a[i].Name()] = true
	}
	if !names["pricecheck"] {
		t.Error("the crossed-out price detector must run by default")
	}
}
