package campaign

import "testing"

func TestPeelFindsDenseBlock(t *testing.T) {
	// accounts 0..5 post the same four rare columns; 6..9 each post one
	// popular column (many outsiders post it too) and one of the rare ones
	g := &peelGraph{accounts: 10, columns: 5, prior: make([]float64, 10)}
	g.colW = []float64{columnWeight(6), columnWeight(6), columnWeight(6), columnWeight(6), columnWeight(900)}
	for a := range 6 {
		for c := range 4 {
			g.edges = append(g.edges, [2]int32{int32(a), int32(c)})
		}
	}
	for a := 6; a < 10; a++ {
		g.edges = append(g.edges, [2]int32{int32(a), 4}, [2]int32{int32(a), int32(a % 4)})
	}
	in, density := peel(g)
	for a := range 10 {
		if want := a < 6; in[a] != want {
			t.Errorf("account %d in block: %v, want %v", a, in[a], want)
		}
	}
	if density <= 0 {
		t.Error("density")
	}
	// a prior pulls a weakly attached account in
	g.prior[7] = 3
	if in, _ := peel(g); !in[7] {
		t.Error("a strong prior keeps account 7")
	}
}
