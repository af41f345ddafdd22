package frameio_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/testutil"
)

// stormToken is the bearer token of the storm; it must appear nowhere in
// the logs or the errors.
const stormToken = "tok-STORM-9f8e7d6c5b4a39281706"

// stormFault is one fault the storm server serves instead of a normal
// answer: a status (before acting), or, after acting, a body cut off or
// malformed.
type stormFault int

const (
	faultNone stormFault = iota
	fault503
	fault500
	fault502
	fault429
	faultCut
	faultMalformed
	faultKinds
)

// stormServer is a minimal stateful folder API (create and show) with a
// queue of faults, light enough for tens of thousands of calls under -race.
type stormServer struct {
	srv *httptest.Server

	mu      sync.Mutex
	folders map[string]string // name -> id
	names   map[string]int    // name -> times created
	queue   []stormFault
	nextID  int
}

func newStormServer(t *testing.T) *stormServer {
	s := &stormServer{folders: map[string]string{}, names: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *stormServer) inject(f stormFault) {
	s.mu.Lock()
	s.queue = append(s.queue, f)
	s.mu.Unlock()
}

func (s *stormServer) serve(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+stormToken {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	f := faultNone
	if len(s.queue) > 0 {
		f, s.queue = s.queue[0], s.queue[1:]
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-Id", fmt.Sprintf("req-%p", r))
	switch f {
	case fault503, fault500, fault502:
		w.WriteHeader(map[stormFault]int{fault503: 503, fault500: 500, fault502: 502}[f])
		fmt.Fprint(w, `{"errors":[{"title":"injected fault"}]}`)
		return
	case fault429:
		w.Header().Set("Retry-After", "1")
		w.Header().Set("X-Ratelimit-Limit", "10")
		w.Header().Set("X-Ratelimit-Remaining", "0")
		w.Header().Set("X-Ratelimit-Window", "1000")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"errors":[{"title":"Too Many Requests"}]}`)
		return
	}
	status, body := s.act(r)
	switch f {
	case faultCut:
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		_, _ = w.Write(body[:len(body)/2])
	case faultMalformed:
		w.WriteHeader(status)
		fmt.Fprint(w, `{"data": {"id": `)
	default:
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
}

// act performs the request: POST .../folders/{parent}/folders creates a
// folder, GET .../folders/{id} shows one.
func (s *stormServer) act(r *http.Request) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Method == http.MethodPost {
		var body struct {
			Data struct {
				Name string `json:"name"`
			} `json:"data"`
		}
		if json.NewDecoder(r.Body).Decode(&body) != nil || body.Data.Name == "" {
			return http.StatusUnprocessableEntity, []byte(`{"errors":[{"title":"Invalid name"}]}`)
		}
		s.nextID++
		id := fmt.Sprintf("folder-%06d", s.nextID)
		s.folders[body.Data.Name] = id
		s.names[body.Data.Name]++
		return http.StatusCreated, fmt.Appendf(nil, `{"data":{"id":%q,"name":%q,"type":"folder"}}`, id, body.Data.Name)
	}
	return http.StatusOK, []byte(`{"data":{"id":"root","name":"root","type":"folder"}}`)
}

// createOutcome is what a folder create reported.
type createOutcome struct {
	name     string
	id       string // set on success
	err      error
	accepted bool // frameio.Accepted(err)
}

// TestStormOfFaultsLosesAndLeaksNothing sends 20,000 calls (2,000 with
// -short) through the SDK, eight at a time, while about one call in ten
// meets an injected fault (500, 502, 503, 429, a 2xx body cut off, a
// malformed 2xx body), with debug logging on. Every folder the server
// created is known to the caller: either the create succeeded with its id,
// or its error says the server accepted it (frameio.Accepted), so it can be
// reconciled by name instead of created again; no create that reports the
// server did not accept it left a folder; no folder was created twice; and
// neither the logs nor any error, printed with %v, %+v or %#v, holds the
// token.
func TestStormOfFaultsLosesAndLeaksNothing(t *testing.T) {
	calls := 20000
	if testing.Short() {
		calls = 2000
	}
	srv := newStormServer(t)
	logs := &testutil.SyncBuffer{}
	var sleeps testutil.SleepRecorder
	client, err := frameio.NewClient(frameio.WithBaseURL(srv.srv.URL), frameio.WithToken(stormToken),
		frameio.WithHTTPClient(srv.srv.Client()), frameio.WithSleeper(sleeps.Sleep),
		frameio.WithLogger(slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)

	var (
		mu       sync.Mutex
		creates  []createOutcome
		printed  bytes.Buffer
		failures atomic.Int64
		next     atomic.Int64
		wg       sync.WaitGroup
	)
	ctx := context.Background()
	for w := range 8 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 14))
			for {
				i := int(next.Add(1)) - 1
				if i >= calls {
					return
				}
				if rng.IntN(10) == 0 {
					srv.inject(stormFault(1 + rng.IntN(int(faultKinds)-1)))
				}
				var err error
				if i%4 == 0 {
					name := fmt.Sprintf("storm-%05d", i)
					var created *gen.Folder
					created, err = client.Folders.Create(ctx, "acc", "root", gen.FolderCreateParamsData{Name: &name})
					out := createOutcome{name: name, err: err, accepted: frameio.Accepted(err)}
					if err == nil {
						out.id = created.ID
					}
					mu.Lock()
					creates = append(creates, out)
					mu.Unlock()
				} else {
					_, err = client.Folders.Show(ctx, "acc", "root", nil)
				}
				if err != nil {
					failures.Add(1)
					mu.Lock()
					fmt.Fprintf(&printed, "%v\n%+v\n%#v\n", err, err, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()

	srv.mu.Lock()
	defer srv.mu.Unlock()
	var succeeded, accepted, refused int
	for _, c := range creates {
		n := srv.names[c.name]
		assert.LessOrEqual(t, n, 1, "%s created twice", c.name)
		switch {
		case c.err == nil:
			succeeded++
			assert.Equal(t, srv.folders[c.name], c.id, "%s reported created but unknown", c.name)
		case c.accepted:
			accepted++
			assert.Equal(t, 1, n, "%s: the error says the server accepted it, so it exists", c.name)
		default:
			refused++
			assert.Zero(t, n, "%s exists although its error says the server did not accept it: %v", c.name, c.err)
		}
	}
	assert.Len(t, srv.folders, succeeded+accepted, "every folder on the server is known to the caller")
	assert.Positive(t, accepted, "some creates lost their answer")
	assert.Positive(t, refused, "some creates were refused")
	t.Logf("%d calls, %d failed; creates: %d succeeded, %d accepted with a lost answer, %d refused",
		calls, failures.Load(), succeeded, accepted, refused)

	assert.NotContains(t, logs.String(), stormToken, "logs")
	assert.NotContains(t, printed.String(), stormToken, "errors")
}
