package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// ErrLinkUnavailable is matched (errors.Is) by every *LinkUnavailableError.
var ErrLinkUnavailable = errors.New("transfer: media link unavailable")

// PartError reports a part that could not be uploaded to its presigned URL.
type PartError struct {
	// Part is the 1-based index of the part in upload_urls.
	Part int
	// Offset and Size locate the part in the file.
	Offset, Size int64
	// Status is the HTTP status of the last attempt, 0 when no response
	// arrived (connection error, timeout, cancellation).
	Status int
	// Expired is true for a 403 from the object store, which almost always
	// means the presigned URL expired (S3 answers "AccessDenied: Request has
	// expired"). Such parts are not retried: create the upload again.
	Expired bool
	// Attempts is the number of attempts made.
	Attempts int
	// Message is a short excerpt of the last error response body.
	Message string
	// Err is the transport error of the last attempt, or nil.
	Err error
}

// Error describes the part and the cause.
func (e *PartError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "transfer: part %d (bytes %d-%d)", e.Part, e.Offset, e.Offset+e.Size)
	switch {
	case e.Expired:
		fmt.Fprintf(&b, ": presigned URL rejected with %d (expired)", e.Status)
	case e.Status != 0:
		fmt.Fprintf(&b, ": %d %s", e.Status, http.StatusText(e.Status))
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	fmt.Fprintf(&b, " (after %d attempt", e.Attempts)
	if e.Attempts != 1 {
		b.WriteString("s")
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns the transport error of the last attempt.
func (e *PartError) Unwrap() error { return e.Err }

// SourceError reports content that could not be read as the upload needs:
// it ended before the size the upload was created with (the source file
// shrank during the upload, or the io.ReaderAt given to Upload is shorter
// than its size argument), or reading it failed. Retrying the part cannot
// help, so the upload stops at once (inside an *UploadError, which names
// the file left behind).
type SourceError struct {
	// Name is the file name of the upload.
	Name string
	// Size is the size the upload was created with.
	Size int64
	// Part is the 1-based part being read.
	Part int
	// Offset is where reading stopped, from the start of the content.
	Offset int64
	// Err is io.ErrUnexpectedEOF when the content ended early, or the read
	// error.
	Err error
}

// Error names the file and gives the sizes.
func (e *SourceError) Error() string {
	if errors.Is(e.Err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("transfer: %q ends after %d bytes, but its upload was created for %d (part %d): the source changed during the upload",
			e.Name, e.Offset, e.Size, e.Part)
	}
	return fmt.Sprintf("transfer: reading %q at byte %d of %d (part %d): %v", e.Name, e.Offset, e.Size, e.Part, e.Err)
}

// Unwrap returns Err.
func (e *SourceError) Unwrap() error { return e.Err }

// PartSizeError reports upload_urls whose sizes do not add up to the file
// size, so the content cannot be split as the API asks.
type PartSizeError struct {
	// FileSize is the size of the content to upload.
	FileSize int64
	// Sum is the sum of the upload_urls sizes.
	Sum int64
	// Parts is the number of upload URLs.
	Parts int
	// Detail names an invalid entry (negative size, empty URL), if any.
	Detail string
}

// Error describes the mismatch.
func (e *PartSizeError) Error() string {
	if e.Detail != "" {
		return "transfer: invalid upload_urls: " + e.Detail
	}
	return fmt.Sprintf("transfer: upload_urls sizes add up to %d bytes in %d parts, but the file has %d bytes", e.Sum, e.Parts, e.FileSize)
}

// UploadError reports a failed local upload after the file was created in
// Frame.io: FileID names the placeholder left behind, which a caller may
// delete or upload again.
type UploadError struct {
	// FileID is the ID of the created file ("" if the API returned none).
	FileID string
	// Name is the file name.
	Name string
	// Err is the cause: a *PartError, a *PartSizeError, a *SourceError,
	// the errors.Join of the *PartError of every failed part (see
	// PartErrors), or a context error (joined with the parts that had
	// failed before it).
	Err error
}

// Error describes the file and the cause.
func (e *UploadError) Error() string {
	return fmt.Sprintf("transfer: uploading %q (file %s): %v", e.Name, e.FileID, e.Err)
}

// Unwrap returns the cause.
func (e *UploadError) Unwrap() error { return e.Err }

// PartErrors returns every *PartError of the cause, in part order: the
// parts to send again (UploadContent with WithOnlyParts) once the cause is
// fixed. It is empty when the upload failed for another reason.
func (e *UploadError) PartErrors() []*PartError {
	var out []*PartError
	var walk func(error)
	walk = func(err error) {
		switch x := err.(type) {
		case *PartError:
			out = append(out, x)
		case interface{ Unwrap() []error }:
			for _, c := range x.Unwrap() {
				walk(c)
			}
		}
	}
	walk(e.Err)
	return out
}

// UploadFailedError is returned by the wait helpers when Frame.io reports
// that an upload failed (upload_failed in the upload status).
type UploadFailedError struct {
	// FileID is the file whose upload failed.
	FileID string
}

// Error names the file.
func (e *UploadFailedError) Error() string {
	return fmt.Sprintf("transfer: Frame.io reports the upload of file %s failed", e.FileID)
}

// WaitTimeoutError is returned by the wait helpers (WaitUploaded,
// WaitTranscoded, WithWaitFor) when the file has not reached the awaited
// state within WithWaitTimeout. errors.Is(err, context.DeadlineExceeded)
// is true.
type WaitTimeoutError struct {
	// FileID is the file waited for.
	FileID string
	// Timeout is the bound that ran out.
	Timeout time.Duration
	// Polls is the number of status reads made.
	Polls int
}

// Error names the file and the bound.
func (e *WaitTimeoutError) Error() string {
	return fmt.Sprintf("transfer: file %s: still not ready after waiting %s (%d polls, see WithWaitTimeout)", e.FileID, e.Timeout, e.Polls)
}

// Unwrap returns context.DeadlineExceeded.
func (e *WaitTimeoutError) Unwrap() error { return context.DeadlineExceeded }

// LinkUnavailableError reports that a file has no usable media link for the
// requested rendition: the link is null because the file is not transcoded
// yet, the rendition does not exist for this file, or watermarking rules
// forbid it, or the API refused to include it (403: no download permission).
// errors.Is(err, ErrLinkUnavailable) is true.
type LinkUnavailableError struct {
	// FileID is the file.
	FileID string
	// Rendition is the requested media link.
	Rendition Rendition
	// FileStatus is the file's status ("created", "uploaded",
	// "transcoded") when known.
	FileStatus string
	// Err is the API error for a refused request (a *frameio.Error), or nil
	// when the link was null.
	Err error
}

// Error explains the likely cause.
func (e *LinkUnavailableError) Error() string {
	var why string
	switch {
	case e.Err != nil:
		why = "the API refused it (no download permission?): " + e.Err.Error()
	case e.FileStatus != "" && e.FileStatus != "transcoded":
		why = fmt.Sprintf("the link is null: the file is %q, not transcoded yet", e.FileStatus)
	default:
		why = "the link is null: the rendition does not exist for this file, or watermarking or permissions forbid it"
	}
	return fmt.Sprintf("transfer: file %s has no %s media link: %s", e.FileID, e.Rendition, why)
}

// Unwrap returns the API error, if any.
func (e *LinkUnavailableError) Unwrap() error { return e.Err }

// Is reports whether target is ErrLinkUnavailable.
func (e *LinkUnavailableError) Is(target error) bool { return target == ErrLinkUnavailable }

// DownloadError reports a download that failed after its retries.
type DownloadError struct {
	// URL is the download URL without its query string.
	URL string
	// Status is the last HTTP status, 0 when no response arrived.
	Status int
	// Expired is true for a 403, which for a presigned link almost always
	// means it expired: fetch the file again for a fresh link.
	Expired bool
	// Written is the number of bytes written before the failure (by every
	// range of a download in ranges).
	Written int64
	// Attempts is the number of attempts made of the request that failed
	// (the download's one stream, or the range that failed).
	Attempts int
	// Resumes is the number of times the download (any of its ranges)
	// resumed after a dropped connection that had made progress; each
	// range is bounded by WithMaxResumes.
	Resumes int
	// Err is the transport error of the last attempt, or nil.
	Err error
}

// Error describes the failure.
func (e *DownloadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "transfer: downloading %s", e.URL)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": %d %s", e.Status, http.StatusText(e.Status))
		if e.Expired {
			b.WriteString(" (link expired?)")
		}
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	fmt.Fprintf(&b, " (%d bytes written, %d attempts, %d resumes)", e.Written, e.Attempts, e.Resumes)
	return b.String()
}

// Unwrap returns the transport error.
func (e *DownloadError) Unwrap() error { return e.Err }

// SizeMismatchError reports a download whose length differs from the
// expected size.
type SizeMismatchError struct {
	// Want is the expected size, Got the number of bytes received.
	Want, Got int64
}

// Error gives both sizes.
func (e *SizeMismatchError) Error() string {
	return fmt.Sprintf("transfer: downloaded %d bytes, expected %d", e.Got, e.Want)
}

// FileError reports one file of a folder upload that failed.
type FileError struct {
	// Path is the local path.
	Path string
	// Err is the cause.
	Err error
}

// Error names the file.
func (e *FileError) Error() string { return fmt.Sprintf("transfer: %s: %v", e.Path, e.Err) }

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }
