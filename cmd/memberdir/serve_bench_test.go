package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/serve"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// BenchmarkServeEdit measures what a member editing their profile waits
// for: from saving the file until serve answers with the rebuilt profile
// page, with the home page's members.json updated too. Run with:
//
//	go test ./cmd/memberdir -run '^$' -bench ServeEdit -benchtime 20x
func BenchmarkServeEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.Write(dir, n, 3); err != nil {
				b.Fatal(err)
			}

			preview := newPreview(buildSite(dir, false))
			if err := preview.Rebuild(); err != nil {
				b.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go preview.Watch(ctx, dir)
			srv := httptest.NewServer(preview)
			defer srv.Close()
			time.Sleep(200 * time.Millisecond) // let the watcher start

			files, _ := filepath.Glob(filepath.Join(dir, "content/members/*.md"))
			target := files[len(files)/2]
			slug := strings.TrimSuffix(filepath.Base(target), ".md")
			orig, _ := os.ReadFile(target)
			get := func(p string) string {
				resp, err := http.Get(srv.URL + p)
				if err != nil {
					b.Fatal(err)
				}
				defer resp.Body.Close()
				data, _ := io.ReadAll(resp.Body)
				return string(data)
			}
			var total, worst time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				marker := fmt.Sprintf("Geändert %d-%d", i, time.Now().UnixNano())
				edited := strings.Replace(string(orig), "mission: \"", "mission: \""+marker+" ", 1)
				start := time.Now()
				if err := os.WriteFile(target, []byte(edited), 0o644); err != nil {
					b.Fatal(err)
				}
				for !strings.Contains(get("/members/"+slug+"/"), marker) {
					if time.Since(start) > 60*time.Second {
						b.Fatal("the edit never showed")
					}
					time.Sleep(2 * time.Millisecond)
				}
				took := time.Since(start)
				total += took
				worst = max(worst, took)
				// The data file is checked, not timed: reading megabytes
				// of JSON is the test's cost, not the preview's.
				b.StopTimer()
				var index struct{ Parts []string }
				if err := json.Unmarshal([]byte(get("/members.json")), &index); err != nil {
					b.Fatal(err)
				}
				data := ""
				for _, part := range index.Parts {
					data += get("/" + part)
				}
				if !strings.Contains(data, marker) {
					b.Fatal("members.json was not rebuilt with the page")
				}
				time.Sleep(100 * time.Millisecond) // the next save comes later, as in real editing
				b.StartTimer()
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/edit")
			b.ReportMetric(float64(worst.Milliseconds()), "ms/worst")
		})
	}
}

// newPreview is serve's preview server for a builder, told of every change
// its watcher sees, as runServe sets it up, without the command around.
func newPreview(b *site.Builder) *serve.Server {
	s := serve.New(func() (map[string][]byte, error) { return b.Build() })
	s.OnChange = b.Changed
	return s
}
