package c2c

import (
	"context"
	"fmt"
	"io"
	"math"

	"golang.org/x/sync/errgroup"
)

// MaxPartBytes is S3's largest part: 5 GiB.
const MaxPartBytes = 5 << 30

// UploadStream uploads media while it is being written: it creates a
// real-time asset, then, as s grows, asks for URLs of as many parts as
// there is data for (sized by PartSizer, numbered from 1), uploads them
// concurrently and, once s is complete, sends the final part with the total
// size and p.Name. A part is only sent once data beyond it exists, so the
// last one can always be marked final; the final part goes up after all
// others succeeded, as the guide recommends.
func (c *Client) UploadStream(ctx context.Context, s Stream, p AssetParams, opts ...UploadOption) (*Asset, error) {
	asset, err := c.CreateRealtimeAsset(ctx, p)
	if err != nil {
		return nil, err
	}
	return asset, c.UploadToAsset(ctx, asset.ID, s, p, opts...)
}

// UploadToAsset uploads s to a real-time asset created earlier; see
// UploadStream. p gives the content type and the final name.
func (c *Client) UploadToAsset(ctx context.Context, assetID string, s Stream, p AssetParams, opts ...UploadOption) error {
	u := uploadOptions(opts)
	sizer := NewPartSizer(u.dataRate)
	prog := newProgressTracker(u.progress, -1)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(c.cfg.concurrency)
	next, off := 1, int64(0)
	fail := func(err error) error {
		if werr := g.Wait(); werr != nil {
			return werr
		}
		return err
	}
	for {
		want := int64(math.MaxInt64) // at part 10,000 only completion helps
		if next < MaxParts {
			sz, _ := sizer.Size(next)
			want = off + sz + 1
		}
		size, complete, err := s.Wait(gctx, want)
		if err != nil {
			return fail(err)
		}
		if complete && size == 0 {
			return fail(errEmptyStream)
		}
		parts, end := planParts(sizer, next, off, size, complete)
		if len(parts) == 0 {
			if complete {
				return fail(fmt.Errorf("%w: stream complete at %d bytes with nothing left to send", ErrMalformedResponse, size))
			}
			continue
		}
		req := PartsRequest{Parts: parts}
		last := parts[len(parts)-1]
		if last.Final {
			if last.Size > MaxPartBytes {
				return fail(fmt.Errorf("%w: the final part would be %d bytes (S3 allows %d)", ErrUploadTooLarge, last.Size, int64(MaxPartBytes)))
			}
			req.Filesize, req.Name = size, p.Name
		}
		urls, err := c.RequestParts(gctx, assetID, req)
		if err != nil {
			return fail(err)
		}
		for i, part := range parts {
			sec := io.NewSectionReader(s, off, part.Size)
			off += part.Size
			if part.Final {
				if err := g.Wait(); err != nil {
					return err
				}
				if err := c.putPart(ctx, urls[i], p.Filetype, sec); err != nil {
					return fmt.Errorf("c2c: asset %s final part %d: %w", assetID, part.Number, err)
				}
				prog.setTotal(size)
				prog.add(part.Size)
				return nil
			}
			g.Go(func() error {
				if err := c.putPart(gctx, urls[i], p.Filetype, sec); err != nil {
					return fmt.Errorf("c2c: asset %s part %d: %w", assetID, part.Number, err)
				}
				prog.add(part.Size)
				return nil
			})
		}
		next, off = next+len(parts), end
	}
}

// planParts lists the parts that can be requested now: those with data
// beyond them and, when the stream is complete, the rest up to a final one.
// It returns them and the offset after the last.
func planParts(sizer PartSizer, next int, off, size int64, complete bool) ([]Part, int64) {
	var parts []Part
	for n := next; n <= MaxParts; n++ {
		sz, _ := sizer.Size(n)
		rest := size - off
		if complete && (rest <= sz || n == MaxParts) {
			if rest > 0 {
				parts = append(parts, Part{Number: n, Size: rest, Final: true})
				off += rest
			}
			break
		}
		if rest <= sz || n == MaxParts {
			break
		}
		parts = append(parts, Part{Number: n, Size: sz})
		off += sz
	}
	return parts, off
}
