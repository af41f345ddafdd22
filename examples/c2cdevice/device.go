package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

// device is the example's state: the client, the fake (nil on the real
// API) and the status events.
type device struct {
	cfg    config
	out    io.Writer
	dev    *c2c.Client
	fake   *c2ctest.Server
	events <-chan c2c.StatusEvent
	stop   context.CancelFunc
	clips  int
}

func newDevice(ctx context.Context, cfg config, out io.Writer) (*device, error) {
	d := &device{cfg: cfg, out: out}
	opts := []c2c.Option{
		c2c.WithClientVersion("1.0.0"),
		c2c.WithTokenStore(c2c.FileTokenStore{Path: filepath.Join(cfg.Dir, "token.json")}),
		c2c.WithConnectivityFunc(func(up bool) { fmt.Fprintln(out, "Frame.io reachable:", up) }),
	}
	secret := cfg.ClientSecret
	if secret == "" {
		fake, err := c2ctest.Start(c2ctest.WithPollInterval(100*time.Millisecond), c2ctest.WithNames("c2cdevice", "Example Shoot", "A. Producer"))
		if err != nil {
			return nil, err
		}
		d.fake, secret = fake, c2ctest.DefaultClientSecret
		opts = append(opts, c2c.WithBaseURL(fake.URL()), c2c.WithHTTPClient(fake.HTTPClient()))
		fmt.Fprintln(out, "No C2C_CLIENT_SECRET: using the embedded fake C2C server at", fake.URL())
	}
	dev, err := c2c.NewClient(append(opts, c2c.WithCredentials(cfg.ClientID, secret))...)
	if err != nil {
		d.close()
		return nil, err
	}
	d.dev = dev
	return d, nil
}

func (d *device) close() {
	if d.stop != nil {
		d.stop()
	}
	if d.dev != nil {
		_ = d.dev.Close()
	}
	if d.fake != nil {
		d.fake.Close()
	}
}

// pair shows the code and waits for the user (on the fake: a goroutine
// that "types" it).
func (d *device) pair(ctx context.Context) error {
	tok, err := d.dev.Pair(ctx, func(p *c2c.Pairing) {
		fmt.Fprintf(d.out, "PAIRING CODE: %s  (enter it at %s, or open %s)\n", p.UserCode, p.VerificationURI, p.VerificationURIComplete)
		if d.fake != nil {
			go func() {
				time.Sleep(150 * time.Millisecond)
				_ = d.fake.Approve(p.UserCode)
			}()
		}
	})
	if err != nil {
		return fmt.Errorf("pairing: %w", err)
	}
	me, err := d.dev.Me(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Paired: project %q, authorized by %s; access token valid until %s\n",
		*me.Project.Name, me.Authorization.Creator.Name, tok.ExpiresAt.Format(time.Kitchen))
	return nil
}

// watch opens the status socket (the device shows online in Frame.io).
func (d *device) watch(ctx context.Context) error {
	wctx, stop := context.WithCancel(ctx)
	events, err := d.dev.WatchStatus(wctx, "")
	if err != nil {
		stop()
		return err
	}
	d.events, d.stop = events, stop
	if _, err := d.await(ctx, c2c.EventConnected, 10*time.Second); err != nil {
		return err
	}
	fmt.Fprintln(d.out, "Status socket connected: the device is online")
	return nil
}

// await returns the next event of kind, printing the others.
func (d *device) await(ctx context.Context, kind c2c.EventKind, limit time.Duration) (c2c.StatusEvent, error) {
	t := time.NewTimer(limit)
	defer t.Stop()
	for {
		select {
		case e, ok := <-d.events:
			if !ok {
				return e, errors.New("status socket closed")
			}
			if e.Kind == kind {
				return e, nil
			}
			if e.Kind == c2c.EventStatus {
				fmt.Fprintln(d.out, "Status:", e.Status)
			}
		case <-t.C:
			return c2c.StatusEvent{}, fmt.Errorf("no %s event within %v", kind, limit)
		case <-ctx.Done():
			return c2c.StatusEvent{}, ctx.Err()
		}
	}
}

// recordAndUpload records a clip and uploads it while it grows.
func (d *device) recordAndUpload(ctx context.Context) error {
	d.clips++
	name := fmt.Sprintf("A001_C%03d.mov", d.clips)
	path := filepath.Join(d.cfg.Dir, name)
	started := time.Now()
	rec, err := startRecording(path, d.cfg.ClipSize, d.cfg.Record)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Recording %s (%d bytes over %v), uploading while it is written\n", name, d.cfg.ClipSize, d.cfg.Record)
	asset, err := d.dev.UploadStream(ctx, rec.stream, c2c.AssetParams{Name: name, Filetype: "video/quicktime", CreatedAt: started},
		c2c.OnProgress(func(p c2c.Progress) {
			fmt.Fprintf(d.out, "  part %d up: %d bytes so far (recording still running: %v)\n", p.Parts, p.Done, p.Total < 0)
		}))
	if werr := rec.wait(); werr != nil {
		return werr
	}
	if err != nil {
		return fmt.Errorf("uploading %s: %w", name, err)
	}
	fmt.Fprintf(d.out, "Uploaded %s as asset %s, playable %v after the recording stopped\n", name, asset.ID, time.Since(rec.stopped).Round(time.Millisecond))
	if d.fake != nil {
		info, _ := d.fake.Asset(asset.ID)
		want, _ := os.ReadFile(path)
		fmt.Fprintf(d.out, "Fake server check: complete=%v, %d bytes in %d parts, identical to the file: %v\n",
			info.Complete, len(info.Data), info.Parts, string(info.Data) == string(want))
	}
	return nil
}

// pauseAndResume reacts to a pause (the fake's user pauses; on the real
// API, pause the device in Frame.io) and a resume.
func (d *device) pauseAndResume(ctx context.Context) error {
	limit := d.cfg.Wait
	if d.fake != nil {
		limit = 10 * time.Second
		d.fake.Pause()
	} else {
		fmt.Fprintf(d.out, "Pause the device in Frame.io's C2C Connections panel (waiting up to %v)\n", limit)
	}
	if _, err := d.await(ctx, c2c.EventPaused, limit); err != nil {
		return err
	}
	fmt.Fprintln(d.out, "Device PAUSED: media recorded now must not be uploaded")
	_, err := d.dev.CreateAsset(ctx, c2c.AssetParams{Name: "A001_PAUSED.mov", Filetype: "video/quicktime", Filesize: 1, CreatedAt: time.Now()})
	if !errors.Is(err, c2c.ErrChannelPaused) {
		return fmt.Errorf("media recorded while paused: want 409 Channel Paused, got %v", err)
	}
	fmt.Fprintln(d.out, "Frame.io refused the clip recorded while paused (409 Channel Paused); it stays on the card")
	if d.fake != nil {
		d.fake.Resume()
	} else {
		fmt.Fprintln(d.out, "Resume the device in Frame.io")
	}
	if _, err := d.await(ctx, c2c.EventResumed, limit); err != nil {
		return err
	}
	fmt.Fprintln(d.out, "Device RESUMED: recording again")
	return d.recordAndUpload(ctx)
}
