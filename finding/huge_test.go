package finding_test

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/finding"
)

// repeat yields n copies of b, without holding them.
type repeat struct {
	b byte
	n int64
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := int64(len(p))
	if k > r.n {
		k = r.n
	}
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= k
	return int(k), nil
}

// TestGigabyteInputs feeds 1 GB inputs to the reader: a log whose run
// carries a 1 GB string it does not need, and a log padded with 1 GB of
// white space. Both must be handled in bounded memory.
func TestGigabyteInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2 GB")
	}
	const gb = 1 << 30
	for _, tc := range []struct {
		name string
		r    io.Reader
		want string // "" for success
	}{
		{"skipped huge value", io.MultiReader(
			strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"properties":{"blob":"`),
			&repeat{'a', gb},
			strings.NewReader(`"},"results":[]}]}`)), ""},
		{"white space", io.MultiReader(
			strings.NewReader(`{"version":"2.1.0","runs":[`),
			&repeat{' ', gb}), "unexpected end of file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := finding.ReadSARIF("huge.sarif", tc.r, finding.ReadOptions{})
			runtime.ReadMemStats(&after)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("reading allocated %d MB", grew>>20)
			}
		})
	}
}
