// Package e2e drives the real quietlegs binary as a person would: it builds
// the binary once from the module root, runs it through pipes and in tmux
// terminals, in sandboxed homes, and then reads the SQLite records it leaves
// behind. Everything is in the _test.go files; run it with go test ./e2e/.
package e2e
