package load

import (
	"math"

	yaml "go.yaml.in/yaml/v3"
)

// positions is where the mappings, keys and list items of one YAML document
// are. Objects keep it instead of the parse tree, which costs ten times more
// (a yaml.Node is about 150 bytes, two per mapping entry, plus comments and
// tags) and would stay alive only to answer Position.
//
// It is two flat slices: nodes are the mappings and sequences, entries their
// keys and items. A node reached through several aliases is stored once.
type positions struct {
	nodes   []posNode
	entries []posEntry
}

// posNode is a mapping or a sequence. Its entries are
// entries[first:first+count]; a mapping's merge sources (<<) follow them,
// entries[first+count:first+count+merges], in the order they take effect.
// Its own position is not kept: a field is where its key or item is, an
// object where its Object says.
type posNode struct {
	first, count int32
	merges       int32 // -1 for a sequence
}

func (n *posNode) seq() bool { return n.merges < 0 }

// posEntry is a mapping key (with where the key is written) or a sequence
// item (where the item is written: an alias where the alias is, not where its
// anchor is). child is the node the value resolves to, or -1 for a scalar.
type posEntry struct {
	key       string // shares its bytes with the parse tree and the object's value
	line, col int32
	child     int32
}

// child finds step below node n: a key of a mapping (its own keys first, then
// those merged in), an index of a sequence.
func (t *positions) child(n int32, step any) *posEntry {
	node := &t.nodes[n]
	entries := t.entries[node.first : node.first+node.count]
	if node.seq() {
		i, ok := PathIndex(step)
		if ok && i >= 0 && i < len(entries) {
			return &entries[i]
		}
		return nil
	}
	key, ok := step.(string)
	if !ok {
		return nil
	}
	for i := range entries {
		if entries[i].key == key {
			return &entries[i]
		}
	}
	end := node.first + node.count
	for _, m := range t.entries[end : end+max(node.merges, 0)] {
		if m.child >= 0 && !t.nodes[m.child].seq() {
			if e := t.child(m.child, step); e != nil {
				return e
			}
		}
	}
	return nil
}

// posBuilder records the positions of a document that converted without
// error: its depth is then within the limits, and merge keys do not loop.
type posBuilder struct {
	t positions
	// shared maps anchored nodes to their index, so that aliases share them.
	shared map[*yaml.Node]int32
}

// buildPositions records the positions of root and what is below it. The
// converter's counts size the tables: without aliases and merge keys they are
// exact (every value but the root is an entry).
func buildPositions(root *yaml.Node, containers, values int) (*positions, int32) {
	b := posBuilder{t: positions{
		nodes:   make([]posNode, 0, containers),
		entries: make([]posEntry, 0, max(values-1, 0)),
	}}
	i := b.node(root)
	if i < 0 {
		return nil, -1
	}
	t := &positions{nodes: b.t.nodes, entries: b.t.entries}
	// The tables live as long as the objects do: no spare room.
	if cap(t.nodes) > len(t.nodes) {
		t.nodes = append([]posNode(nil), t.nodes...)
	}
	if cap(t.entries) > len(t.entries) {
		t.entries = append([]posEntry(nil), t.entries...)
	}
	return t, i
}

// node records n (a mapping or a sequence, through aliases) and returns its
// index, or -1 for anything else.
func (b *posBuilder) node(n *yaml.Node) int32 {
	n = resolveAlias(n)
	if n == nil || (n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode) {
		return -1
	}
	if n.Anchor != "" {
		if i, ok := b.shared[n]; ok {
			return i
		}
	}
	i := int32(len(b.t.nodes))
	b.t.nodes = append(b.t.nodes, posNode{})
	if n.Anchor != "" {
		if b.shared == nil {
			b.shared = map[*yaml.Node]int32{}
		}
		b.shared[n] = i
	}
	if n.Kind == yaml.SequenceNode {
		first := b.reserve(len(n.Content))
		b.t.nodes[i] = posNode{first: first, count: int32(len(n.Content)), merges: -1}
		for j, item := range n.Content {
			child := b.node(item)
			b.t.entries[first+int32(j)] = posEntry{line: clamp(item.Line), col: clamp(item.Column), child: child}
		}
		return i
	}
	pairs, merges := len(n.Content)/2, 0
	for j := 0; j < pairs; j++ {
		if k := n.Content[2*j]; isMerge(k) {
			merges += len(mergeSources(n.Content[2*j+1]))
		}
	}
	first := b.reserve(pairs + merges)
	b.t.nodes[i] = posNode{first: first, count: int32(pairs), merges: int32(merges)}
	m := first + int32(pairs)
	for j := 0; j < pairs; j++ {
		k, v := n.Content[2*j], n.Content[2*j+1]
		child := b.node(v)
		b.t.entries[first+int32(j)] = posEntry{key: k.Value, line: clamp(k.Line), col: clamp(k.Column), child: child}
		if !isMerge(k) || resolveAlias(v) == nil {
			continue // (mergeSources has nothing for an unresolved alias)
		}
		// The merge sources are the value (a mapping) or its items (a list
		// of mappings), already recorded as the entry's child.
		if child >= 0 && b.t.nodes[child].seq() {
			items := b.t.nodes[child]
			for x := items.first; x < items.first+items.count; x++ {
				b.t.entries[m] = posEntry{child: b.t.entries[x].child}
				m++
			}
		} else {
			b.t.entries[m] = posEntry{child: child}
			m++
		}
	}
	return i
}

// reserve adds count entries, to be filled in, and returns the first.
func (b *posBuilder) reserve(count int) int32 {
	first := len(b.t.entries)
	b.t.entries = append(b.t.entries, make([]posEntry, count)...)
	for j := first; j < len(b.t.entries); j++ {
		b.t.entries[j].child = -1
	}
	return int32(first)
}

// clamp keeps a line or column in an int32; no file within the size limits
// comes near it.
func clamp(v int) int32 {
	return int32(min(v, math.MaxInt32))
}
