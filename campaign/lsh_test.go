package campaign

import (
	"math/rand/v2"
	"testing"
)

func TestShinglesJaccard(t *testing.T) {
	a, _, _ := masked("吃了一个月瘦了35斤真的有效")
	b, _, _ := masked("吃了一个月瘦了16.6斤，真的有效！")
	sa, sb := shingles(a, nil), shingles(b, nil)
	if j := jaccard(sa, sb); j != 1 {
		t.Errorf("the same script with other numbers: Jaccard %.2f, want 1", j)
	}
	c, _, _ := masked("主播声音真好听")
	if j := jaccard(sa, shingles(c, nil)); j > 0.1 {
		t.Errorf("unrelated texts: Jaccard %.2f", j)
	}
	if got := shingles([]rune("1"), nil); len(got) != 1 {
		t.Errorf("a one-rune text has one shingle, got %d", len(got))
	}
}

func TestMinhashEstimates(t *testing.T) {
	a, _, _ := masked("吃了一个月瘦了35斤真的有效不是托")
	b, _, _ := masked("才吃一个月就瘦了35斤真的有效")
	sa, sb := shingles(a, nil), shingles(b, nil)
	var x, y signature
	minhash(sa, &x)
	minhash(sb, &y)
	eq := 0
	for k := range x {
		if x[k] == y[k] {
			eq++
		}
	}
	est, exact := float64(eq)/minhashK, jaccard(sa, sb)
	if est < exact-0.3 || est > exact+0.3 {
		t.Errorf("MinHash estimate %.2f far from Jaccard %.2f", est, exact)
	}
}

// assignText puts a text in a cluster of platform p.
func assignText(tab *scriptTable, p *platform, ar *arena, s string) uint32 {
	runes, _, m := masked(s)
	var sig signature
	var keys [lshBands]uint64
	return tab.assign(p, m, ar, shingles(runes, nil), false, 1, &sig, &keys)
}

func TestClusters(t *testing.T) {
	var tab scriptTable
	var ar arena
	p := newPlatform(0, "default")
	base := assignText(&tab, p, &ar, "吃了一个月瘦了35斤，真的有效")
	for _, s := range []string{"吃了一个月瘦了16.6斤，真的有效", "吃了一个月瘦了8斤真的有效啊", "姐妹们，吃了一个月瘦了35斤，真的有效！"} {
		if c := assignText(&tab, p, &ar, s); c != base {
			t.Errorf("%q: cluster %d, want %d", s, c, base)
		}
	}
	if c := assignText(&tab, p, &ar, "主播今天的衣服好看"); c == base {
		t.Error("chatter joined the script")
	}
	// the same script on another platform is another cluster
	q := newPlatform(1, "kuaishou")
	if c := assignText(&tab, q, &ar, "吃了一个月瘦了35斤，真的有效"); c == base {
		t.Error("clusters are per platform")
	}
	// eviction frees the cluster and its band keys
	tab.drop(p, base)
	if p.bands.len() != 0 && tab.list.at(base).live {
		t.Error("dropped cluster still live")
	}
	if c := assignText(&tab, p, &ar, "吃了一个月瘦了35斤，真的有效"); !tab.list.at(c).live {
		t.Error("a new cluster after eviction")
	}
}

func TestTable(t *testing.T) {
	tab := newTable(16)
	ref := map[uint64]uint64{}
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 20000 {
		k := rng.Uint64N(3000) * 0x9e3779b97f4a7c15 // collide on purpose: many keys, few homes
		switch rng.IntN(3) {
		case 0, 1:
			if tab.putNew(k, uint64(i)) {
				if _, ok := ref[k]; ok {
					t.Fatal("putNew over a present key")
				}
				ref[k] = uint64(i)
			}
		case 2:
			if v, ok := ref[k]; ok {
				tab.del(k, v)
				delete(ref, k)
			}
		}
	}
	if tab.len() != len(ref) {
		t.Fatalf("len %d, want %d", tab.len(), len(ref))
	}
	for k, v := range ref {
		if got, ok := tab.get(k); !ok || got != v {
			t.Fatalf("get(%x) = %d %v, want %d", k, got, ok, v)
		}
	}
	tab.add(42, 2)
	tab.add(42, -1)
	if tab.count(42) != 1 {
		t.Error("add")
	}
	tab.add(42, -1)
	if _, ok := tab.get(42); ok {
		t.Error("a count of zero is dropped")
	}
}
