package transfer

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// VersionResult describes an upload as a new version.
type VersionResult struct {
	// Upload is the local upload of the new version.
	Upload *UploadResult
	// VersionStackID is the version stack the new file now heads.
	VersionStackID string
	// CreatedStack is true when the stack was created for this upload
	// (the target was a file not yet in a stack).
	CreatedStack bool
}

// UploadVersionFile uploads the file at path as the newest version of
// targetID. See UploadVersion.
func (u *Uploader) UploadVersionFile(ctx context.Context, accountID, targetID, path string, opts ...Option) (*VersionResult, error) {
	f, size, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return u.UploadVersion(ctx, accountID, targetID, f, size, filepath.Base(path), opts...)
}

// UploadVersion uploads size bytes of r as the newest version of targetID,
// which is either a version stack or a file, as users do when sending a new
// cut for review:
//
//   - a version stack: the file is uploaded into the stack's folder and
//     moved into the stack (files.move), where it becomes the head version;
//   - a file already in a version stack: the same, with its stack;
//   - a file not in a stack: the file is uploaded next to it and a version
//     stack is created from both, the existing file first
//     (version_stacks.create).
//
// If the upload succeeds but stacking fails, the returned result holds the
// upload and the error says which step failed.
func (u *Uploader) UploadVersion(ctx context.Context, accountID, targetID string, r io.ReaderAt, size int64, name string, opts ...Option) (*VersionResult, error) {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	if err := cfg.allParts(); err != nil {
		return nil, err
	}
	folderID, stackID, err := u.resolveVersionTarget(ctx, &cfg, accountID, targetID)
	if err != nil {
		return nil, err
	}
	up, err := u.newJob(&cfg, r, size, name).run(ctx, accountID, folderID)
	res := &VersionResult{Upload: up, VersionStackID: stackID}
	if err != nil {
		return res, err
	}
	if stackID != "" {
		_, err := u.client.Files.Move(ctx, accountID, up.FileID, gen.FileMoveParamsData{ParentID: &stackID}, cfg.apiOpts...)
		if err != nil {
			return res, fmt.Errorf("transfer: moving new version %s into version stack %s: %w", up.FileID, stackID, err)
		}
		return res, nil
	}
	vs, err := u.client.VersionStacks.Create(ctx, accountID, folderID, gen.VersionStackCreateParamsData{FileIDs: []gen.FrameOrAdobeID{targetID, up.FileID}}, cfg.apiOpts...)
	if err != nil {
		return res, fmt.Errorf("transfer: creating a version stack of %s and %s: %w", targetID, up.FileID, err)
	}
	res.VersionStackID, res.CreatedStack = vs.ID, true
	return res, nil
}

// resolveVersionTarget returns the folder to upload into and the version
// stack to join ("" when one must be created).
func (u *Uploader) resolveVersionTarget(ctx context.Context, cfg *config, accountID, targetID string) (folderID, stackID string, err error) {
	f, err := u.client.Files.Show(ctx, accountID, targetID, nil, cfg.apiOpts...)
	switch {
	case frameio.IsNotFound(err):
		return u.stackFolder(ctx, cfg, accountID, targetID)
	case err != nil:
		return "", "", err
	}
	parent := frameio.Value(f.ParentID)
	if parent == "" {
		return "", "", fmt.Errorf("transfer: file %s has no parent", targetID)
	}
	folder, stack, err := u.stackFolder(ctx, cfg, accountID, parent)
	switch {
	case frameio.IsNotFound(err): // the parent is a folder
		return parent, "", nil
	case err != nil:
		return "", "", err
	}
	return folder, stack, nil
}

// stackFolder reads version stack stackID and returns its folder.
func (u *Uploader) stackFolder(ctx context.Context, cfg *config, accountID, stackID string) (folderID, id string, err error) {
	vs, err := u.client.VersionStacks.Show(ctx, accountID, stackID, nil, cfg.apiOpts...)
	if err != nil {
		return "", "", err
	}
	parent := frameio.Value(vs.ParentID)
	if parent == "" {
		return "", "", fmt.Errorf("transfer: version stack %s has no parent folder", stackID)
	}
	return parent, vs.ID, nil
}
