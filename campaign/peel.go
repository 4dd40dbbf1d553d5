package campaign

import "container/heap"

// Dense-subgraph peeling (after Fraudar, Hooi et al. 2016). The graph is
// bipartite: accounts × columns, a column being one (room, script
// cluster). An edge's weight is its column's weight 1/log(degree+c), so
// that a popular script proves little; each account adds a prior, its
// own suspiciousness. The density of a node set S is (priors of S +
// weights of the edges inside S) / |S|. Peeling removes, one at a time,
// the node whose removal costs the least, and keeps the densest set seen:
// a crew whose members all post the same rare scripts in the same rooms
// stays, an account attached by one popular line goes early.

// peelGraph is the input of peel.
type peelGraph struct {
	accounts int
	columns  int
	prior    []float64  // per account
	colW     []float64  // per column
	edges    [][2]int32 // (account, column)
}

// peel returns which accounts belong to the densest block, and its
// density.
func peel(g *peelGraph) ([]bool, float64) {
	n := g.accounts + g.columns
	adj := make([][]int32, n)
	w := make([]float64, n)
	total := 0.0
	for a := range g.accounts {
		w[a] = g.prior[a]
		total += g.prior[a]
	}
	for _, e := range g.edges {
		a, c := int(e[0]), g.accounts+int(e[1])
		adj[a] = append(adj[a], int32(c))
		adj[c] = append(adj[c], int32(a))
		cw := g.colW[e[1]]
		w[a] += cw
		w[c] += cw
		total += cw
	}
	h := &peelHeap{}
	for i := range n {
		h.items = append(h.items, peelItem{node: int32(i), w: w[i]})
	}
	heap.Init(h)
	removed := make([]bool, n)
	order := make([]int32, 0, n)
	size := n
	best, bestAt := total/float64(max(size, 1)), 0
	for h.Len() > 0 {
		it := heap.Pop(h).(peelItem)
		if removed[it.node] || it.w != w[it.node] {
			continue // stale entry
		}
		u := it.node
		removed[u] = true
		order = append(order, u)
		total -= w[u]
		size--
		for _, x := range adj[u] {
			if removed[x] {
				continue
			}
			var cw float64
			if int(u) < g.accounts {
				cw = g.colW[int(x)-g.accounts]
			} else {
				cw = g.colW[int(u)-g.accounts]
			}
			w[x] -= cw
			heap.Push(h, peelItem{node: x, w: w[x]})
		}
		if size > 0 {
			if d := total / float64(size); d > best {
				best, bestAt = d, len(order)
			}
		}
	}
	in := make([]bool, g.accounts)
	for a := range in {
		in[a] = true
	}
	for _, u := range order[:bestAt] {
		if int(u) < g.accounts {
			in[u] = false
		}
	}
	return in, best
}

type peelItem struct {
	node int32
	w    float64
}

type peelHeap struct{ items []peelItem }

func (h *peelHeap) Len() int { return len(h.items) }
func (h *peelHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if a.w != b.w {
		return a.w < b.w
	}
	return a.node < b.node
}
func (h *peelHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *peelHeap) Push(x any)    { h.items = append(h.items, x.(peelItem)) }
func (h *peelHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}
