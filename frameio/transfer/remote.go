package transfer

import (
	"context"
	"errors"
	"net/url"
	"path"
	"slices"
	"sort"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/redact"
)

// RemoteResult describes a remote upload.
type RemoteResult struct {
	// File is the file as created by files.create-remote-upload.
	File gen.File
	// StatusLink is the link to the upload's status that the API returned
	// in "links" (the "status" entry, or the only one), "" if none.
	StatusLink string
	// Links holds every link of the response.
	Links map[string]any
	// Status and Ready are set when WithWaitFor asked for StageUploaded or
	// StageTranscoded, as in UploadResult.
	Status *gen.FileUploadStatus
	Ready  *gen.FileWithIncludes
}

// UploadRemote makes Frame.io fetch sourceURL into a new file in the folder
// folderID (files.create-remote-upload; up to 50 GB). The name defaults to
// the last element of the URL's path (WithName). With WithWaitFor it then
// waits like UploadFile; otherwise call WaitUploaded with File.ID.
func (u *Uploader) UploadRemote(ctx context.Context, accountID, folderID, sourceURL string, opts ...Option) (*RemoteResult, error) {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	if err := cfg.allParts(); err != nil {
		return nil, err
	}
	name := cfg.name
	if name == "" {
		name = nameFromURL(sourceURL)
	}
	if name == "" {
		return nil, errors.New("transfer: UploadRemote: cannot derive a name from the URL: use WithName")
	}
	// The source may be presigned: an error echoing it must not print it.
	hide := frameio.WithRedaction(redact.FromURL(sourceURL)...)
	resp, err := u.client.Files.CreateRemoteUpload(ctx, accountID, folderID, gen.FileCreateRemoteUploadParamsData{Name: name, SourceURL: sourceURL}, append(slices.Clip(cfg.apiOpts), hide)...)
	if err != nil {
		return nil, err
	}
	res := &RemoteResult{File: resp.Data, Links: resp.Links, StatusLink: statusLink(resp.Links)}
	if res.Status, res.Ready, err = u.waitAfter(ctx, &cfg, accountID, resp.Data.ID); err != nil {
		return res, err
	}
	return res, nil
}

func nameFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	base := path.Base(u.Path)
	if base == "/" || base == "." {
		return ""
	}
	return base
}

// statusLink picks the status link out of a remote upload's links.
func statusLink(links map[string]any) string {
	if s, ok := links["status"].(string); ok {
		return s
	}
	keys := make([]string, 0, len(links))
	for k := range links {
		if _, ok := links[k].(string); ok {
			keys = append(keys, k)
		}
	}
	if len(keys) == 1 {
		return links[keys[0]].(string)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "self" {
			continue
		}
		return links[k].(string)
	}
	return ""
}
