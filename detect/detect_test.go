package detect

import "testing"

func TestDefaultGivesFreshDetectors(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for i := range a {
		if names[a[i].Name()] {
			t.Errorf("detector name %s used twice", a[i].Name())
		}
		names[a[i].Name()] = true
		if a[i].Name() == "pricecheck" && a[i] == b[i] {
			t.Error("per-partition detectors must not be shared between engines")
		}
	}
	if !names["pricecheck"] || !names["claims"] {
		t.Errorf("detectors = %v, want pricecheck and claims", names)
	}
}
