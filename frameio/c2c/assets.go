package c2c

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

// AssetParams describe an asset to create.
type AssetParams struct {
	// Name is the asset name in Frame.io. Required for regular assets; a
	// real-time asset needs Name with an extension or Extension.
	Name string
	// Extension (".mp4") names a real-time asset whose name is not known
	// yet; Frame.io calls it "[new file].mp4" until the final part names it.
	Extension string
	// Filetype is the MIME type, e.g. video/mp4. Required.
	Filetype string
	// Filesize is the size in bytes of a regular asset.
	Filesize int64
	// CreatedAt is when the media was created. The offset sent to
	// Frame.io (seconds since then) is recomputed on every attempt, so a
	// long retry cannot drift out of a pause window. Zero sends offset 0,
	// which files the asset under today's date.
	CreatedAt time.Time
	// Channel is the channel the media comes from (0: the device itself).
	Channel int
	// Parts asks for this many upload URLs (1..10,000) instead of about
	// one per 25 MB. Each part but the last must stay >= 5,242,880 bytes.
	Parts int
	// AutoversionID stacks assets created with the same value in the same
	// folder; use a value that never repeats by accident.
	AutoversionID string
	// Metadata holds the device model's required metadata fields for its
	// tokenized upload path.
	Metadata map[string]any
}

func (p AssetParams) validate(realtime bool) error {
	var errs []error
	if p.Filetype == "" {
		errs = append(errs, errors.New("Filetype (the MIME type) is required"))
	}
	if realtime {
		if p.Extension == "" && path.Ext(p.Name) == "" {
			errs = append(errs, errors.New("a real-time asset needs Extension (\".mp4\") or a Name with an extension"))
		}
		if p.Extension != "" && !strings.HasPrefix(p.Extension, ".") {
			errs = append(errs, fmt.Errorf("Extension %q must start with a dot", p.Extension))
		}
	} else {
		if p.Name == "" {
			errs = append(errs, errors.New("Name is required"))
		}
		if p.Filesize < 0 || p.Filesize > MaxFileSize {
			errs = append(errs, fmt.Errorf("Filesize %d is outside 0..%d (5 TiB)", p.Filesize, int64(MaxFileSize)))
		}
	}
	if p.Parts < 0 || p.Parts > MaxParts {
		errs = append(errs, fmt.Errorf("Parts %d is outside 1..%d", p.Parts, MaxParts))
	}
	if p.Channel < 0 {
		errs = append(errs, fmt.Errorf("Channel %d is negative", p.Channel))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("c2c: invalid asset: %w", err)
	}
	return nil
}

// body builds the request for one attempt, with the offset of that moment.
func (c *Client) assetBody(p AssetParams, realtime bool) func() any {
	return func() any {
		b := gen.AssetCreateParams{Filetype: &p.Filetype, Metadata: p.Metadata}
		if p.Name != "" {
			b.Name = &p.Name
		}
		if realtime {
			b.IsRealtimeUpload = new(true)
			if p.Extension != "" {
				b.Extension = &p.Extension
			}
		} else {
			b.Filesize = &p.Filesize
		}
		if !p.CreatedAt.IsZero() {
			b.Offset = new(int(math.Round(c.cfg.now().Sub(p.CreatedAt).Seconds())))
		}
		if p.Channel != 0 {
			b.Channel = &p.Channel
		}
		if p.Parts != 0 {
			b.Parts = &p.Parts
		}
		if p.AutoversionID != "" {
			b.AutoversionID = &p.AutoversionID
		}
		return b
	}
}

// CreateAsset registers a regular asset (POST /v2/devices/assets) and
// returns it with its UploadUrls; upload with UploadParts. Media created
// while the device was paused fails with ErrChannelPaused, which is never
// retried: do not upload that media.
func (c *Client) CreateAsset(ctx context.Context, p AssetParams) (*Asset, error) {
	return c.createAsset(ctx, p, false)
}

// CreateRealtimeAsset registers an asset whose size is not known yet
// (is_realtime_upload); request its upload URLs with RequestParts, or let
// UploadStream do everything.
func (c *Client) CreateRealtimeAsset(ctx context.Context, p AssetParams) (*Asset, error) {
	return c.createAsset(ctx, p, true)
}

func (c *Client) createAsset(ctx context.Context, p AssetParams, realtime bool) (*Asset, error) {
	if err := p.validate(realtime); err != nil {
		return nil, err
	}
	var out Asset
	if err := c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/assets", http.StatusOK, &out, c.assetBody(p, realtime))); err != nil {
		return nil, err
	}
	if !realtime && len(out.UploadUrls) == 0 && p.Filesize > 0 {
		return nil, fmt.Errorf("%w: asset %s has no upload_urls", ErrMalformedResponse, out.ID)
	}
	return &out, nil
}

// Part is one part of a real-time upload.
type Part struct {
	// Number is 1..10,000; parts are assembled in number order.
	Number int
	// Size is the payload size; at least MinPartSize unless Final.
	Size int64
	// Final marks the last part; the request then needs the total size.
	Final bool
}

// PartsRequest asks for the upload URLs of some parts.
type PartsRequest struct {
	Parts []Part
	// Filesize is the asset's total size, required (and at most 5 TiB)
	// when a part is Final.
	Filesize int64
	// Name renames an asset created with only an extension, if it still
	// has its default name.
	Name string
}

func (r PartsRequest) validate() error {
	if len(r.Parts) == 0 {
		return errors.New("c2c: RequestParts: no parts")
	}
	final := false
	for _, p := range r.Parts {
		switch {
		case p.Number < 1 || p.Number > MaxParts:
			return fmt.Errorf("c2c: RequestParts: part number %d out of range 1..%d", p.Number, MaxParts)
		case p.Size < 1:
			return fmt.Errorf("c2c: RequestParts: part %d has size %d", p.Number, p.Size)
		case !p.Final && p.Size < MinPartSize:
			return fmt.Errorf("c2c: RequestParts: part %d is %d bytes; parts before the final one need at least %d", p.Number, p.Size, MinPartSize)
		}
		final = final || p.Final
	}
	if final && (r.Filesize < 1 || r.Filesize > MaxFileSize) {
		return fmt.Errorf("%w: a final part needs the total filesize in 1..%d, got %d", ErrUploadTooLarge, int64(MaxFileSize), r.Filesize)
	}
	return nil
}

// RequestParts registers real-time upload parts and returns one presigned
// PUT URL per part, in request order (POST
// /v2/devices/assets/{id}/realtime_upload/parts).
func (c *Client) RequestParts(ctx context.Context, assetID string, r PartsRequest) ([]string, error) {
	if assetID == "" {
		return nil, errors.New("c2c: RequestParts: empty asset id")
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	body := gen.RealtimeUploadParams{}
	for _, p := range r.Parts {
		body.Parts = append(body.Parts, gen.RealtimeUploadPart{Number: p.Number, Size: p.Size, IsFinal: p.Final})
		if p.Final {
			body.AssetFilesize = &r.Filesize
		}
	}
	if r.Name != "" {
		body.AssetName = &r.Name
	}
	var out gen.RealtimeUploadURLs
	p := "/v2/devices/assets/" + url.PathEscape(assetID) + "/realtime_upload/parts"
	if err := c.do(ctx, c.authCall(http.MethodPost, p, http.StatusOK, &out, func() any { return body })); err != nil {
		return nil, err
	}
	if len(out.UploadUrls) != len(r.Parts) {
		return nil, fmt.Errorf("%w: %d upload URLs for %d parts", ErrMalformedResponse, len(out.UploadUrls), len(r.Parts))
	}
	return out.UploadUrls, nil
}
