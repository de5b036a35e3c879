// Command memberdir turns a folder of member profiles into a searchable
// directory website for a referral network.
//
// Usage:
//
//	memberdir build   [--source DIR] [--out DIR] [--drafts]
//	memberdir serve   [--addr 127.0.0.1:8080] [--source DIR] [--drafts]
//	memberdir check   [--source DIR] [--format text|github|json] [--author USER --base REV] [FILE…]
//	memberdir new     [--source DIR] "Anna Müller"
//	memberdir schema  [--source DIR]
//	memberdir init    [--language de|en] [DIR]
//
// Exit codes: 0 ok, 1 problems in the content, 2 usage or I/O errors.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

const usage = `memberdir turns member profiles into a directory website.

Usage:
  memberdir build   [--source DIR] [--out DIR] [--drafts]    build the site into public/
  memberdir serve   [--addr 127.0.0.1:8080] [--source DIR] [--drafts]
                                                            preview with live reload
  memberdir check   [--source DIR] [--format text|github|json]
                    [--author USER --base REV] [FILE…]      validate profiles
  memberdir new     [--source DIR] "Anna Müller"             create a profile
  memberdir schema  [--source DIR]                          print the profile JSON Schema
  memberdir init    [--language de|en] [DIR]                start a site in a folder of its own

Run "memberdir help COMMAND" (or "memberdir COMMAND -h") for a command's options.
`

// errUsage marks errors caused by how the command was called (exit 2).
var errUsage = errors.New("usage")

// errProblems marks a run that found problems in the content (exit 1)
// after printing them.
var errProblems = errors.New("problems found")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = runBuild(ctx, args[1:], stdout, stderr)
	case "serve":
		err = runServe(ctx, args[1:], stdout, stderr)
	case "check":
		err = runCheck(ctx, args[1:], stdout, stderr)
	case "new":
		err = runNew(ctx, args[1:], stdout, stderr)
	case "schema":
		err = runSchema(ctx, args[1:], stdout, stderr)
	case "init":
		err = runInit(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		// "memberdir help build" is "memberdir build -h".
		if len(args) > 1 && args[0] == "help" {
			switch args[1] {
			case "build", "serve", "check", "new", "schema", "init":
				return run(ctx, []string{args[1], "-h"}, stdout, stderr)
			}
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "memberdir: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return exitCode(err, stderr)
}

// parseFlags parses a command's flags. The help that -h asks for goes to
// stdout, as "memberdir help" does, and is no error for the exit code; a
// usage error and the usage after it go to stderr (exit 2).
func parseFlags(fl *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	var out bytes.Buffer
	fl.SetOutput(&out)
	err := fl.Parse(args)
	fl.SetOutput(stderr)
	w := stderr
	if errors.Is(err, flag.ErrHelp) {
		w = stdout
	}
	if _, werr := w.Write(out.Bytes()); werr != nil && err == nil {
		return werr
	}
	if err != nil {
		return usageErr(err)
	}
	return nil
}

// exitCode prints err (content problems one per line) and maps it to the
// documented exit codes.
func exitCode(err error, stderr io.Writer) int {
	var list member.ErrorList
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errProblems):
		return 1
	case errors.As(err, &list):
		fmt.Fprintln(stderr, list.Error())
		fmt.Fprintf(stderr, "%d problem(s) found\n", len(list))
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "memberdir:", err)
		return 2
	}
	fmt.Fprintln(stderr, "memberdir:", err)
	return 2
}
