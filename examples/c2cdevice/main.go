// Command c2cdevice is a Camera-to-Cloud device: it pairs (printing the
// code a user would type), shows the project it is paired with, keeps its
// status socket open, records a clip (a file that grows in real time) and
// uploads it while it is being written, reacts to a pause (media recorded
// while paused is refused and not uploaded) and to a resume, then exits.
//
//	go run ./examples/c2cdevice
//
// Without C2C_CLIENT_SECRET it starts the embedded fake C2C server
// (frameiotest/c2ctest), which plays the user: it types the pairing code,
// then pauses and resumes the device in the C2C Connections panel. With
// C2C_CLIENT_SECRET (and C2C_CLIENT_ID, the device's serial number) it
// pairs with https://api.frame.io: type the code at the printed URL; pause
// and resume the device from Frame.io while it runs (-wait bounds how long
// it waits for each).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

func main() {
	cfg := config{
		ClientID:     envOr("C2C_CLIENT_ID", "c2cdevice-example-0001"),
		ClientSecret: os.Getenv("C2C_CLIENT_SECRET"),
	}
	flag.Int64Var(&cfg.ClipSize, "size", 12<<20, "bytes the recorder writes per clip")
	flag.DurationVar(&cfg.Record, "record", time.Second, "how long the recorder takes to write a clip")
	flag.DurationVar(&cfg.Wait, "wait", 2*time.Minute, "longest wait for a pause or resume (real API only)")
	flag.StringVar(&cfg.Dir, "dir", "", "where clips and the token are kept (default: a temporary directory)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "c2cdevice:", err)
		os.Exit(1)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// config is what the device needs: its credentials (no secret: the fake),
// how big and how slow a recording is, and where to keep files.
type config struct {
	ClientID, ClientSecret string
	ClipSize               int64
	Record                 time.Duration
	Wait                   time.Duration
	Dir                    string
}

// run is the whole device session; out gets its story.
func run(ctx context.Context, cfg config, out io.Writer) error {
	if cfg.Dir == "" {
		dir, err := os.MkdirTemp("", "c2cdevice")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.Dir = dir
	}
	d, err := newDevice(ctx, cfg, out)
	if err != nil {
		return err
	}
	defer d.close()
	steps := []func(context.Context) error{d.pair, d.watch, d.recordAndUpload, d.pauseAndResume}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "Done.")
	return nil
}
