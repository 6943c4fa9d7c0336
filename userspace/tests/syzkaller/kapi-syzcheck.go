// SPDX-License-Identifier: GPL-2.0
//
// kapi-syzcheck -dir DIR [-only FILE]: a harness for checking kapi-dump's
// syzlang output (Documentation/kapi-dump.rst), built inside a syzkaller
// checkout by check-syzlang.sh: compiles DIR/*.txt with DIR/*.const for every
// Linux architecture with syzkaller's compiler and prints the errors and
// the warnings (of FILE only, if given) that syz-sysgen keeps to itself, and
// the kapi calls each architecture supports. Never built by make check.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/google/syzkaller/pkg/ast"
	"github.com/google/syzkaller/pkg/compiler"
	"github.com/google/syzkaller/sys/targets"
)

func main() {
	dir := flag.String("dir", "", "directory with .txt and .const files")
	only := flag.String("only", "", "print warnings only for this file")
	flag.Parse()
	desc := ast.ParseGlob(filepath.Join(*dir, "*.txt"), nil)
	if desc == nil {
		os.Exit(1)
	}
	cf := compiler.DeserializeConstFile(filepath.Join(*dir, "*.const"), nil)
	if cf == nil {
		os.Exit(1)
	}
	var archs []string
	for a := range targets.List[targets.Linux] {
		archs = append(archs, a)
	}
	sort.Strings(archs)
	failed := false
	unsupported := map[string]int{}
	for _, arch := range archs {
		target := targets.List[targets.Linux][arch]
		consts := cf.Arch(arch)
		var msgs []string
		eh := func(pos ast.Pos, msg string) {
			if *only == "" || strings.HasSuffix(pos.File, *only) {
				msgs = append(msgs, fmt.Sprintf("%v: %v", pos, msg))
			}
		}
		prog := compiler.Compile(desc, consts, target, eh)
		n := 0
		if prog == nil {
			failed = true
			fmt.Printf("%v: FAILED\n", arch)
		} else {
			n = len(prog.Syscalls)
			for u := range prog.Unsupported {
				unsupported[u]++
			}
			var kapi []string
			for _, c := range prog.Syscalls {
				if strings.Contains(c.Name, "kapi") {
					kapi = append(kapi, c.Name)
				}
			}
			sort.Strings(kapi)
			fmt.Printf("%v: ok, %v calls, kapi calls: %v\n", arch, n, strings.Join(kapi, " "))
		}
		for _, m := range msgs {
			fmt.Printf("  %v\n", m)
		}
	}
	for u, c := range unsupported {
		if c == len(archs) {
			fmt.Printf("unsupported on all arches: %v\n", u)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}
