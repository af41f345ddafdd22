package transfer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// DirResult describes a folder upload.
type DirResult struct {
	// Folders maps each local directory, relative to the uploaded one and
	// slash-separated ("." for the root), to its Frame.io folder ID.
	Folders map[string]string
	// Files has one entry per regular file found, in walk order.
	Files []FileResult
	// Skipped lists entries that are neither directories nor regular files
	// (symbolic links, devices, ...), relative and slash-separated.
	Skipped []string
}

// FileResult is the outcome of one file of a folder upload.
type FileResult struct {
	// Path is the local path, RelPath the slash-separated path relative to
	// the uploaded directory.
	Path, RelPath string
	// Size is the file size.
	Size int64
	// FileID is the created Frame.io file, "" if it was not created.
	FileID string
	// Err is nil on success, a *FileError otherwise.
	Err error
}

// UploadDir mirrors the directory tree dir into the Frame.io folder
// folderID: subfolders that do not exist yet (by name) are created with
// folders.create, existing ones are reused, and every regular file is
// uploaded into its folder. At most WithConcurrency parts are in flight
// across all files together. A failed file does not stop the others: the
// result lists every file's outcome and the error joins (errors.Join) a
// *FileError per failed file. Progress options report the bytes of all
// files together. Symbolic links are not followed. WithName is ignored.
func (u *Uploader) UploadDir(ctx context.Context, accountID, folderID, dir string, opts ...Option) (*DirResult, error) {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	if err := cfg.allParts(); err != nil {
		return nil, err
	}
	cfg.name = ""
	res := &DirResult{Folders: map[string]string{".": folderID}}
	var dirs []string
	var total int64
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			if rel != "." {
				dirs = append(dirs, rel)
			}
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil {
				return err
			}
			res.Files = append(res.Files, FileResult{Path: p, RelPath: rel, Size: info.Size()})
			total += info.Size()
		default:
			res.Skipped = append(res.Skipped, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Folders, parents first (WalkDir visits them in that order).
	lister := &folderLister{u: u, cfg: &cfg, accountID: accountID, known: map[string]map[string]string{}}
	folderErrs := map[string]error{}
	for _, rel := range dirs {
		parent := path.Dir(rel)
		if perr, ok := folderErrs[parent]; ok {
			folderErrs[rel] = perr
			continue
		}
		id, err := lister.ensure(ctx, res.Folders[parent], path.Base(rel))
		if err != nil {
			if ctx.Err() != nil {
				return res, ctx.Err()
			}
			folderErrs[rel] = fmt.Errorf("creating folder %s: %w", rel, err)
			continue
		}
		res.Folders[rel] = id
	}

	// Files: at most cfg.concurrency files at once, and cfg.concurrency
	// parts in flight across all of them.
	b := &batch{progress: newTracker(total, cfg.progressFunc()), slots: semaphore.NewWeighted(int64(cfg.concurrency))}
	b.progress.start()
	var g errgroup.Group
	g.SetLimit(cfg.concurrency)
	var mu sync.Mutex
	var errs []error
	for i := range res.Files {
		fr := &res.Files[i]
		if ferr, ok := folderErrs[path.Dir(fr.RelPath)]; ok {
			fr.Err = &FileError{Path: fr.Path, Err: ferr}
			errs = append(errs, fr.Err)
			continue
		}
		if ctx.Err() != nil {
			break
		}
		parentID := res.Folders[path.Dir(fr.RelPath)]
		g.Go(func() error {
			id, err := u.uploadPath(ctx, &cfg, b, accountID, parentID, fr.Path)
			fr.FileID = id
			if err != nil {
				fr.Err = &FileError{Path: fr.Path, Err: err}
				cfg.logger.DebugContext(ctx, "transfer: file failed", "path", fr.Path, "error", err)
				mu.Lock()
				errs = append(errs, fr.Err)
				mu.Unlock()
			}
			return nil
		})
	}
	_ = g.Wait()
	if ctx.Err() != nil {
		return res, errors.Join(append([]error{ctx.Err()}, errs...)...)
	}
	if len(errs) == 0 {
		b.progress.finish()
		return res, nil
	}
	return res, errors.Join(errs...)
}

// uploadPath uploads one file of the folder upload b.
func (u *Uploader) uploadPath(ctx context.Context, cfg *config, b *batch, accountID, folderID, p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	j := u.newJob(cfg, f, st.Size(), filepath.Base(p))
	j.batch = b
	res, err := j.run(ctx, accountID, folderID)
	if res != nil {
		return res.FileID, err
	}
	return "", err
}

// folderLister finds or creates child folders, listing each parent once.
type folderLister struct {
	u         *Uploader
	cfg       *config
	accountID string
	known     map[string]map[string]string // parent ID -> name -> child ID
}

func (l *folderLister) ensure(ctx context.Context, parentID, name string) (string, error) {
	children, ok := l.known[parentID]
	if !ok {
		var err error
		if children, err = l.list(ctx, parentID); err != nil {
			return "", err
		}
		l.known[parentID] = children
	}
	if id, ok := children[name]; ok {
		return id, nil
	}
	created, err := l.u.client.Folders.Create(ctx, l.accountID, parentID, gen.FolderCreateParamsData{Name: &name}, l.cfg.apiOpts...)
	if err != nil {
		return "", err
	}
	l.cfg.logger.DebugContext(ctx, "transfer: created folder", "name", name, "id", created.ID)
	children[name] = created.ID
	return created.ID, nil
}

// list returns the child folders of parentID by name, following pages.
func (l *folderLister) list(ctx context.Context, parentID string) (map[string]string, error) {
	out := map[string]string{}
	params := &gen.FoldersListParams{}
	for {
		page, err := l.u.client.Folders.List(ctx, l.accountID, parentID, params, l.cfg.apiOpts...)
		if err != nil {
			return nil, err
		}
		for _, f := range page.Data {
			if _, dup := out[f.Name]; !dup {
				out[f.Name] = f.ID
			}
		}
		next := frameio.Value(page.Links.Next)
		if next == "" {
			return out, nil
		}
		nu, err := url.Parse(next)
		if err != nil {
			return nil, fmt.Errorf("transfer: invalid next link: %w", err)
		}
		after := nu.Query().Get("after")
		if after == "" || (params.After != nil && *params.After == after) {
			return out, nil
		}
		params = &gen.FoldersListParams{After: &after}
	}
}
